export * from './catalog';
export * from './client';
export * from './config';
export * from './context';
export * from './handoff';
export * from './hooks';
export * from './keys';
