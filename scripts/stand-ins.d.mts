import type { Plugin } from 'vite';

export declare const packageOf: (path: string) => string;
export declare function nodeModulesPath(id: string): string | undefined;
export declare function missingModules(paths: string[], exists: (path: string) => boolean, versionOf: (pkg: string) => string | undefined): string[];
export declare function unusedStandIns(paths: string[], loaded: ReadonlySet<string>): string[];
export declare function exportNames(program: { body: unknown[] }): string[];
export declare function missingExports(path: string, real: string[], standIn: string[]): string | undefined;
export declare function standIns(table: Record<string, string>, root: string): Plugin;
