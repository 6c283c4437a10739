export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}
export interface SizesReport {
  files?: Record<string, Record<string, Size>>;
  loader?: Size;
  firstLoad?: Record<string, Size & { files: string[] }>;
  chunks?: Record<string, Size & { file: string }>;
  /** Each widget's first load in each language but English (`scripts/size-report.mjs`, `languageLoads`). */
  languages?: Record<string, Record<string, Size & { file: string; chunk: Size; files: string[] }>>;
}
export interface SizeRow {
  name: string;
  before: Size | undefined;
  after: Size | undefined;
}
export interface SizeComparison {
  firstLoad: SizeRow[];
  chunks: SizeRow[];
}
export declare function chunkName(file: string): string;
export declare function currentChunks(report: SizesReport): Record<string, Size & { file: string }>;
export declare function embedChunks(
  manifestChunks: Record<string, { file: string; name?: string; src?: string }>,
  files: Record<string, Size>,
): Record<string, Size & { file: string }>;
export declare function compareSizes(before: SizesReport, after: SizesReport): SizeComparison;
export declare function formatComparison(comparison: SizeComparison, names?: { from?: string; to?: string }): string;
