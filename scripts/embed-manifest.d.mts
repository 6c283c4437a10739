export declare const EMBED_ENTRIES: Record<'runtime' | 'quote' | 'booking', string>;
export declare function embedManifest(dir?: string): { runtime: string[]; widgets: Record<string, string[]> };
