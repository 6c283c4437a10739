// A widget's build entry: the module its spec names (`entry`), in its folder. Checked here, at build
// time, so a spec that names a missing file fails the build with the widget's name, not a resolver error.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function widgetEntry(root, spec) {
  const file = join(root, 'src/widgets', spec.name, spec.entry);
  if (!existsSync(file)) throw new Error(`Widget ${spec.name}: its entry ${spec.entry} is not in src/widgets/${spec.name}/ (its spec.ts names it).`);
  return file;
}
