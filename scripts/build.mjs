// `npm run build`: the library (ESM + declarations), the demo site, and the bundle reports.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { writeSizeReport } from './size-report.mjs';

const bin = (name) => `node_modules/.bin/${name}`;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build failed: ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
}

rmSync('dist/lib', { recursive: true, force: true });
rmSync('dist/reports', { recursive: true, force: true });
run(bin('vite'), ['build', '--mode', 'lib', '--logLevel', 'warn']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('vite'), ['build', '--mode', 'demo', '--logLevel', 'warn']);
writeSizeReport({ lib: 'dist/lib', demo: 'dist/demo' });
