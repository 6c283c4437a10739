import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The URL of the run's one throwaway PostgreSQL database (see test/support/postgres.ts). */
    postgresUrl: string;
  }
}

/**
 * Vitest globalSetup: one PostgreSQL cluster per run, whichever files need it
 * (they `inject('postgresUrl')` and make their own schema in it), stopped and
 * deleted when the run ends.
 */
export default async function setup(project: TestProject) {
  const postgres = await startPostgres();
  console.log(`[postgres] throwaway cluster up in ${postgres.startedInMs} ms at ${postgres.url}`);
  // A run that is killed without its teardown still stops its cluster on the way out.
  const onExit = () => postgres.stop();
  process.once('exit', onExit);
  project.provide('postgresUrl', postgres.url);
  return () => {
    process.off('exit', onExit);
    postgres.stop();
  };
}
