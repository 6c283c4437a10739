/**
 * The embed's stand-in for src/core/http/axios-loader.ts (the `alias` in vite.config.ts's embed builds): axios
 * and the client around it are a chunk of their own (`http`), imported when first wanted. A widget that calls
 * the API as it mounts brings it with its own code instead (`callsApiOnMount`, src/widgets/specs.ts).
 */
export const loadAxiosClient = () => import('../core/http/axios-client').then((m) => m.createAxiosClient);
