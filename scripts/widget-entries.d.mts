export declare function widgetEntry(root: string, spec: { name: string; entry: string }): string;
