export * from './locale';
export * from './translate';
