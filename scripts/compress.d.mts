export interface Compressed {
  files: number;
  written: number;
  raw: number;
  br: number;
  gzip: number;
}
export function compressTree(dir: string): Compressed;
export function summarize(dir: string, done: Compressed): string;
