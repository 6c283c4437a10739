import type { TestProject } from 'vitest/node';
import { type Postgres, startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL of the run's one throwaway PostgreSQL database (see test/support/postgres.ts). */
    postgresUrl: string;
  }
}

/**
 * The run's cluster, shared by every project that lists this globalSetup: each
 * project loads this module afresh, so it lives on the process, counted, and
 * the last project to finish stops it.
 */
interface Shared {
  starting: Promise<Postgres>;
  users: number;
}
const KEY = Symbol.for('teppan.test.postgres');
const holder = globalThis as { [KEY]?: Shared };

/**
 * Vitest globalSetup: one PostgreSQL cluster per run, whichever files need it
 * (they `inject('postgresUrl')` and make their own schema or database in it),
 * stopped and deleted when the run ends.
 */
export default async function setup(project: TestProject) {
  let shared = holder[KEY];
  if (!shared) {
    shared = { starting: startPostgres(), users: 0 };
    holder[KEY] = shared;
    const postgres = await shared.starting;
    console.log(`[postgres] throwaway cluster up in ${postgres.startedInMs} ms at ${postgres.url}`);
    // A run that is killed without its teardown still stops its cluster on the way out.
    process.once('exit', postgres.stop);
  }
  shared.users++;
  const postgres = await shared.starting;
  project.provide('postgresUrl', postgres.url);
  return () => {
    if (!shared || --shared.users > 0) return;
    holder[KEY] = undefined;
    process.off('exit', postgres.stop);
    postgres.stop();
  };
}
