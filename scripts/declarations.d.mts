import type { Plugin } from 'vite';

export declare function declarations(): Plugin;
