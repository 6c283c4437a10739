export * from './catalog';
export * from './client';
export * from './config';
export * from './context';
export * from './funnel';
export * from './hooks';
export * from './keys';
