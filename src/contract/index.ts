/**
 * The API contract: zod schemas and types of every request and response,
 * shared by the SDK (to validate what arrives) and the reference server (to
 * validate what is sent to it, and to publish the OpenAPI document).
 */
export * from './availability';
export * from './booking';
export * from './catalog';
export * from './chat';
export * from './common';
export * from './issues';
export * from './keys';
export * from './mail';
export * from './manage';
export * from './payment';
export * from './quote';
export * from './text';
