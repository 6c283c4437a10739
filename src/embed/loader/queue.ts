import type { EmbedConfig } from '../types';

export type Command =
  | [command: 'init', config: Partial<EmbedConfig>]
  | [command: 'on' | 'off', event: string, listener: (detail: unknown, event: CustomEvent) => void]
  | [command: 'preload', widget: string]
  | [command: 'open', widget: string];

interface Handlers {
  init(config: Partial<EmbedConfig> | undefined): void;
  preload(widget: string): void;
  open(widget: string): void;
}

/** Injected by the build from package.json (vite.config.ts): also how a second copy of the loader knows it is one. */
declare const __TEPPAN_VERSION__: string;

/** `booking-created` or `teppan:booking-created` → the DOM event name. */
const eventName = (name: unknown) => `${name}`.replace(/^(teppan:)?/, 'teppan:');

type Listener = (detail: unknown, event: Event) => void;

/**
 * `window.Teppan`: a command function that works before the loader arrives
 * (the snippet queues calls in `Teppan.q`) and after (calls run at once).
 * Replays the queue in order, then takes over.
 */
export function createQueue(handlers: Handlers): void {
  // One DOM listener per page listener, whatever events it is given for, so `off` finds it.
  const listeners = new Map<Listener, EventListener>();
  const commands: Record<string, (a: never, b: never) => void> = {
    ...handlers,
    on(name: string, fn: Listener) {
      if (typeof fn !== 'function') return console.error('Teppan: on needs a function', fn);
      if (!listeners.has(fn)) listeners.set(fn, (e) => fn((e as CustomEvent).detail, e));
      document.addEventListener(eventName(name), listeners.get(fn) as EventListener);
    },
    off(name: string, fn: Listener) {
      document.removeEventListener(eventName(name), listeners.get(fn) as EventListener);
    },
  };
  const run = (command: string, a: never, b: never) =>
    Object.hasOwn(commands, command) ? (commands[command] as (a: never, b: never) => void)(a, b) : console.warn('Teppan: no command', command);
  const queued = window.Teppan?.q ?? [];
  run.version = __TEPPAN_VERSION__;
  window.Teppan = run as unknown as Window['Teppan'];
  for (const args of queued) run.apply(0, args as [string, never, never]);
}
