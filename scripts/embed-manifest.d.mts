export interface EmbedManifest {
  runtime: string[];
  widgets: Record<string, string[]>;
  /** Each widget's messages in a language other than English, by widget and language: its own file, then the shared words'. */
  languages: Record<string, Record<string, string[]>>;
}
export declare function embedManifest(dir?: string): EmbedManifest;
export declare function loaderManifest(dir?: string): EmbedManifest;
