export interface EmbedManifest {
  runtime: string[];
  widgets: Record<string, string[]>;
}
export declare function embedManifest(dir?: string): EmbedManifest;
export declare function loaderManifest(dir?: string): { runtime: string[]; widgets: Record<string, string[]> };
