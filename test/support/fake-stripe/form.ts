/** Stripe's form encoding read back: `a[b][c]=v` nests, `a[]=v` appends. */
export type FormValue = string | FormValue[] | FormTree;
export interface FormTree {
  [key: string]: FormValue;
}

export function parseForm(params: URLSearchParams): FormTree {
  const root: FormTree = {};
  for (const [key, value] of params) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    if (!match?.[1]) continue;
    const path = [match[1], ...[...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '')];
    let node: FormTree | FormValue[] = root;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      if (Array.isArray(node)) {
        // `a[]=…`: only flat arrays, which is all Stripe's endpoints take here.
        if (last) node.push(value);
        return;
      }
      if (last) {
        node[segment] = value;
        return;
      }
      const nextIsArray = path[i + 1] === '';
      const existing: FormValue | undefined = node[segment];
      const child = existing !== undefined && typeof existing !== 'string' ? existing : nextIsArray ? [] : {};
      node[segment] = child;
      node = child;
    });
  }
  return root;
}

/** A string at `path` in a parsed form, if there is one. */
export function formString(tree: FormTree, ...path: string[]): string | undefined {
  let node: FormValue | undefined = tree;
  for (const segment of path) {
    if (node === undefined || typeof node === 'string' || Array.isArray(node)) return undefined;
    node = node[segment];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The strings of an array at `key` (`expand[]=…`). */
export function formList(tree: FormTree, key: string): string[] {
  const node = tree[key];
  return Array.isArray(node) ? node.filter((v): v is string => typeof v === 'string') : [];
}
