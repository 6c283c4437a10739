// A widget's build entry, by convention: the one file in its folder that
// default-exports a component (`src/widgets/quote/QuoteCalculator.tsx`). Found
// here, at build time, so the specs the loader carries name no files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function widgetEntry(root, name) {
  const dir = join(root, 'src/widgets', name);
  const found = readdirSync(dir).filter((f) => /^[A-Z]\w*\.tsx$/.test(f) && /^export default function /m.test(readFileSync(join(dir, f), 'utf8')));
  if (found.length !== 1) throw new Error(`src/widgets/${name}/ needs exactly one component with a default export (found ${found.length}).`);
  return join(dir, found[0]);
}
