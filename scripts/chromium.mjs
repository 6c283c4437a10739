// Finds Chromium for the browser suites: CHROMIUM_PATH, else Debian's /usr/bin/chromium,
// else installs Debian's package when running as root, else stops with one instruction.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN = '/usr/bin/chromium';

export function findChromium() {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    fail(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
  }
  if (existsSync(DEBIAN)) return DEBIAN;
  if (process.getuid?.() === 0) {
    console.log('Chromium is missing: installing Debian’s chromium package (about 20 s)…');
    try {
      execFileSync('apt-get', ['update'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      fail('Installing chromium with apt-get failed; see the output above.');
    }
    if (existsSync(DEBIAN)) return DEBIAN;
  }
  fail('Chromium is needed for the browser tests: run “sudo apt-get install -y chromium” or set CHROMIUM_PATH to a Chromium binary.');
}

function fail(message) {
  console.error(message);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
