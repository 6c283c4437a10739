export declare function widgetEntry(root: string, name: string): string;
