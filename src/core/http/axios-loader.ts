import { createAxiosClient } from './axios-client';

/**
 * The HTTP client's axios half, for src/core/http/client.ts. Here, with the rest of the library: a React app's
 * first call should not wait on a chunk of its own. The embed builds put src/embed/axios-loader.ts in its place.
 */
export const loadAxiosClient = async () => createAxiosClient;
