import { type ChildProcess, spawn } from 'node:child_process';
import type { FaultRule, SeenRequest } from '../../server/chaos';

export interface TestServer {
  url: string;
  stop(): Promise<void>;
  /** Sends `signal` (SIGKILL: the instance dies mid-request) and resolves with how the process ended, once it has. */
  signal(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Arms chaos faults (POST /__chaos). */
  arm(...rules: FaultRule[]): Promise<void>;
  /** Clears faults and the request log. */
  reset(): Promise<void>;
  /** Requests that reached the server (method, path), oldest first. */
  seen(filter?: { method?: string; path?: string }): Promise<SeenRequest[]>;
}

/**
 * For a suite that leaves many leads from loopback (one visitor to the server): the
 * production allowance is a handful an hour (server/http/rate-limit.ts, LIMITS).
 */
export const MANY_LEADS = { TEPPAN_LEAD_LIMITS: '10000,10000' };

/**
 * The loopback URL a starting server (`child`, its output piped) prints once
 * it listens; rejects with what it printed if it exits first or takes longer
 * than `timeoutMs`, when it is stopped.
 */
export function listeningUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`server did not start:\n${output}`));
    }, timeoutMs);
    child.stdout?.on('data', (d: Buffer) => {
      output += d;
      const port = /localhost:(\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    });
    child.stderr?.on('data', (d: Buffer) => {
      output += d;
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/**
 * Starts the real reference server (`server/main.ts`, as `npm start` runs it,
 * or another entry that prints its port the same way) on a free loopback port,
 * with chaos on and an in-memory SQLite database unless `env` says otherwise.
 * Whoever started it stops it.
 */
export async function startServer(
  env: Record<string, string> = {},
  { entry = 'server/main.ts', startTimeoutMs = 20_000 }: { entry?: string; startTimeoutMs?: number } = {},
): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TEPPAN_DB: ':memory:', TEPPAN_CHAOS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Whoever started it may exit before it is up (a deadline, a crash): it goes too, never left running alone.
  const orphaned = () => child.kill('SIGTERM');
  process.once('exit', orphaned);
  child.once('exit', () => process.off('exit', orphaned));
  const url = await listeningUrl(child, startTimeoutMs);

  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
    signal(signal) {
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
        else child.once('exit', (code, sig) => resolve({ code, signal: sig }));
      });
      child.kill(signal);
      return exited;
    },
    async arm(...rules) {
      const res = await fetch(`${url}/__chaos`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rules) });
      if (res.status !== 201) throw new Error(`arming chaos failed: ${res.status} ${await res.text()}`);
    },
    async reset() {
      await fetch(`${url}/__chaos`, { method: 'DELETE' });
    },
    async seen(filter = {}) {
      const { requests } = (await (await fetch(`${url}/__chaos/requests`)).json()) as { requests: SeenRequest[] };
      return requests.filter((r) => (!filter.method || r.method === filter.method) && (!filter.path || r.path === filter.path));
    },
  };
}
