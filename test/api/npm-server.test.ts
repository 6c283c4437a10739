import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { listeningUrl } from '../support/server';

/**
 * `npm run server` as an operator or a supervisor runs it: the signal goes to
 * npm, not to the server under it, and the server must go with it.
 */
async function npmServer(): Promise<{ npm: ChildProcess; url: string }> {
  const npm = spawn('npm', ['run', 'server'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TEPPAN_DB: ':memory:', TEPPAN_CHAOS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { npm, url: await listeningUrl(npm, 30_000) };
}

/** Milliseconds until nothing answers at `url` any more, or `withinMs` if something still does. */
async function goneAfter(url: string, withinMs: number) {
  const started = performance.now();
  while (performance.now() - started < withinMs) {
    const up = await fetch(`${url}/api/v1/health`).then(
      () => true,
      () => false,
    );
    if (!up) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  return withinMs;
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
});
