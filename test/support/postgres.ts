import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway PostgreSQL cluster: its database's URL, and how to stop it and delete its files. */
export interface Postgres {
  url: string;
  /** Milliseconds from nothing to a database that takes connections. */
  startedInMs: number;
  stop(): void;
  /** An outage: the server shut down (fast: its sessions are ended), its data kept. */
  pause(): void;
  /** The server back on the same port, with the same data. */
  resume(): void;
}

const isRoot = () => process.getuid?.() === 0;

/** The folder with initdb and pg_ctl: `pg_config --bindir`, else the newest of Debian's /usr/lib/postgresql/N/bin. */
export function findPostgresBin(): string | undefined {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const bindir = fromConfig.status === 0 ? fromConfig.stdout.trim() : '';
  if (bindir && existsSync(join(bindir, 'initdb'))) return bindir;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

/** Debian's `postgresql`, when the machine has no PostgreSQL and the run may install it. */
function installPostgres() {
  console.log('[postgres] no PostgreSQL binaries found: installing Debian’s postgresql (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a PostgreSQL cluster in a temp folder, on a free loopback port, with
 * trust auth (nothing but this machine can reach it) and durability off (it is
 * thrown away) unless `durable` (a benchmark that compares it with a store
 * that syncs every commit), and creates one database. PostgreSQL refuses to
 * run as root, so a root run starts it as the `postgres` user.
 */
export async function startPostgres({ durable = false }: { durable?: boolean } = {}): Promise<Postgres> {
  const started = Date.now();
  let bin = findPostgresBin();
  if (!bin && isRoot()) {
    installPostgres();
    bin = findPostgresBin();
  }
  if (!bin) throw new Error('No PostgreSQL found (pg_config --bindir, /usr/lib/postgresql/*/bin): install postgresql, or run as root to have it installed.');

  const dir = mkdtempSync(join(tmpdir(), 'teppan-pg-'));
  const asPostgres = isRoot();
  if (asPostgres) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  // As the `postgres` user when root: PostgreSQL refuses to run as root.
  const command = (tool: string, args: string[]): [string, string[]] =>
    asPostgres ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
  const run = (tool: string, args: string[]) => {
    const result = spawnSync(...command(tool, args), { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  const data = join(dir, 'data');
  const stop = () => {
    if (existsSync(join(data, 'postmaster.pid'))) spawnSync(...command('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']));
    rmSync(dir, { recursive: true, force: true });
  };

  const options = (port: number) =>
    [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
      '-c max_connections=200',
    ].join(' ');
  // A port found free may be taken by someone else before PostgreSQL binds it: then another one.
  const startOn = (port: number) => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '30', '-o', options(port), 'start']);
  const startOnFreePort = async () => {
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      try {
        startOn(port);
        return port;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  };

  try {
    run('initdb', ['-D', data, '-U', 'teppan', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await startOnFreePort();
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'teppan', 'teppan']);
    return {
      url: `postgres://teppan@127.0.0.1:${port}/teppan`,
      startedInMs: Date.now() - started,
      stop,
      pause: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
      resume: () => startOn(port),
    };
  } catch (error) {
    stop();
    throw error;
  }
}
