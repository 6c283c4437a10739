/**
 * The process that started this one, and going with it. `npm run server` and `npm start` pass npm's pid as
 * TEPPAN_LAUNCHER_PID (the script's shell reads it as `$PPID`, then execs node, so npm is this process's parent).
 * npm passes SIGTERM and SIGINT on; when npm is killed outright nothing is passed on, and this process is
 * re-parented (to pid 1, or to a subreaper: a container's init, a service manager) and would live on as an orphan
 * holding the port, so that a supervisor's restart fails to bind. It stops instead, as abruptly as npm went (claims
 * it held are leases another instance takes over).
 *
 * npm's pid comes from the shell, not from `process.ppid` read here: this runs only once node and tsx have loaded
 * (in `npm start`, once the builds are done), and npm killed before that leaves the adopter as the parent, whose pid
 * never changes again. The pid is compared with `process.ppid`, not probed with `kill(pid, 0)`: a killed npm stays a
 * zombie until whoever started it reaps it, while the re-parenting happens the moment it dies.
 */
export const LAUNCHER_PID_ENV = 'TEPPAN_LAUNCHER_PID';
const CHECK_EVERY_MS = 500;

let watching = false;

/**
 * Exits (code 1) once the launcher is no longer this process's parent: the launcher named in TEPPAN_LAUNCHER_PID,
 * else, with `orParent`, whatever is the parent now. Once per process (`npm start` runs the server in its own
 * process): the first caller's launcher is the one watched.
 */
export function exitWithLauncher({ orParent }: { orParent: boolean }): void {
  const named = process.env[LAUNCHER_PID_ENV];
  // What this process starts (the Storybook build) is not npm's child: it must not inherit the claim.
  delete process.env[LAUNCHER_PID_ENV];
  if (watching) return;
  const launcher = named ? Number(named) : orParent ? process.ppid : undefined;
  if (launcher === undefined) return;
  if (!(Number.isInteger(launcher) && launcher > 0)) throw new Error(`${LAUNCHER_PID_ENV}: a process id, not ${JSON.stringify(named)}.`);
  watching = true;
  const check = () => {
    if (process.ppid === launcher) return;
    console.error(`[teppan] the process that started this one (pid ${launcher}, npm when run by an npm script) is gone: stopping now`);
    process.exit(1);
  };
  // Gone already (killed while node loaded): stop before listening at all.
  check();
  setInterval(check, CHECK_EVERY_MS).unref();
}
