import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listeningUrl } from '../support/server';

/**
 * `npm run server` as an operator or a supervisor runs it: the signal goes to
 * npm, not to the server under it, and the server must go with it.
 */
function spawnNpmServer(): ChildProcess {
  return spawn('npm', ['run', 'server'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TEPPAN_DB: ':memory:', TEPPAN_CHAOS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function npmServer(): Promise<{ npm: ChildProcess; url: string }> {
  const npm = spawnNpmServer();
  return { npm, url: await listeningUrl(npm, 30_000) };
}

/** Milliseconds until nothing answers at `url` any more, or `withinMs` if something still does. */
async function goneAfter(url: string, withinMs: number) {
  const started = performance.now();
  while (performance.now() - started < withinMs) {
    // Refused or reset: gone. No answer at all counts as still there (a process that holds the port and does not
    // answer is just what must not be left behind), and keeps a hung connection from outlasting the test's budget.
    const up = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2_000) }).then(
      () => true,
      (error: unknown) => error instanceof DOMException && error.name === 'TimeoutError',
    );
    if (!up) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  return withinMs;
}

/** `/proc/<pid>/<file>`, or undefined once that process is gone. */
function procFile(pid: string | number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/** The node process npm started (Linux's /proc), as soon as the script's shell has exec'd it: before the server's own code runs. */
async function nodeUnder(npm: ChildProcess, withinMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < withinMs) {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      const stat = procFile(pid, 'stat');
      // The parent's pid is the second field after the command name, which is in parentheses and may hold spaces.
      const parent = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
      if (Number(parent) === npm.pid && procFile(pid, 'comm')?.trim() === 'node') return Number(pid);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`npm started no node process within ${withinMs} ms`);
}

/** Milliseconds until npm's output pipes close, or `withinMs` if they are still open: the server holds them open while it lives. */
async function pipesClosedAfter(npm: ChildProcess, withinMs: number) {
  const started = performance.now();
  const closed = new Promise<number>((resolve) => npm.once('close', () => resolve(performance.now() - started)));
  return Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(withinMs), withinMs))]);
}

describe('npm run server', () => {
  it('stops the server within 10 s when npm gets SIGTERM', async () => {
    const { npm, url } = await npmServer();
    expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
    npm.kill('SIGTERM');
    expect(await goneAfter(url, 10_000)).toBeLessThan(10_000);
  }, 60_000);

  it('leaves no server behind holding the port when npm is killed outright', async () => {
    const { npm, url } = await npmServer();
    npm.kill('SIGKILL');
    expect(await goneAfter(url, 10_000)).toBeLessThan(10_000);
  }, 60_000);

  // npm killed before the server has got far enough to look at who its parent is: it must not then go on to listen.
  it.skipIf(!existsSync('/proc/self/stat'))(
    'leaves no server behind when npm is killed while the server is still loading',
    async () => {
      const npm = spawnNpmServer();
      let output = '';
      npm.stdout?.on('data', (d: Buffer) => {
        output += d;
      });
      npm.stderr?.on('data', (d: Buffer) => {
        output += d;
      });
      const server = await nodeUnder(npm, 30_000);
      npm.kill('SIGKILL');
      try {
        expect(await pipesClosedAfter(npm, 10_000), output).toBeLessThan(10_000);
      } finally {
        if (procFile(server, 'comm')) process.kill(server, 'SIGKILL');
      }
    },
    60_000,
  );
});
