export interface EmbedManifest {
  runtime: string[];
  widgets: Record<string, string[]>;
}
export declare function embedManifest(dir?: string): EmbedManifest;
