import type { EmbedManifest } from './embed-manifest.mjs';
import type { Size } from './size-compare.mjs';

export type FirstLoad = Size & { files: string[] };
export declare function measure(file: string): Size;
export declare function firstLoad(dir: string, manifest: Pick<EmbedManifest, 'runtime' | 'widgets'>): Record<string, FirstLoad>;
export declare function languageLoads(
  dir: string,
  manifest: EmbedManifest,
  loads?: Record<string, FirstLoad>,
): Record<string, Record<string, FirstLoad & { file: string; chunk: Size }>>;
export declare function languageName(language: string): string;
export declare function duplicateModules(dir: string): string[];
export declare function writeSizeReport(builds: Record<string, string>, embed?: { dir: string; manifest: EmbedManifest }): unknown;
export declare function overBudget(report: unknown, manifest?: EmbedManifest): string[];
