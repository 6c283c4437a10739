import type { EmbedConfig } from '../types';

export type Command =
  | [command: 'init', config: Partial<EmbedConfig>]
  | [command: 'on' | 'off', event: string, listener: (detail: unknown, event: CustomEvent) => void]
  | [command: 'preload', widget: string]
  | [command: 'open', widget: string];

interface Handlers {
  init(config: Partial<EmbedConfig>): void;
  preload(widget: string): void;
  open(widget: string): void;
}

/** Injected by the build from package.json (vite.config.ts): also how a second copy of the loader knows it is one. */
declare const __TEPPAN_VERSION__: string;

/** `booking-created` or `teppan:booking-created` → the DOM event name. */
const eventName = (name: string) => `teppan:${name.replace(/^teppan:/, '')}`;

type Listener = (detail: unknown, event: Event) => void;

/**
 * `window.Teppan`: a command function that works before the loader arrives
 * (the snippet queues calls in `Teppan.q`) and after (calls run at once).
 * Replays the queue in order, then takes over.
 */
export function createQueue(handlers: Handlers): void {
  const listeners = new Map<Listener, EventListener>();
  const commands: Record<string, (a: unknown, b: unknown) => void> = {
    ...(handlers as unknown as Record<string, (a: unknown) => void>),
    on(name, fn) {
      const listener: EventListener = (e) => (fn as Listener)((e as CustomEvent).detail, e);
      listeners.set(fn as Listener, listener);
      document.addEventListener(eventName(String(name)), listener);
    },
    off(name, fn) {
      const listener = listeners.get(fn as Listener);
      if (listener) document.removeEventListener(eventName(String(name)), listener);
    },
  };
  const run = (command: unknown, a?: unknown, b?: unknown) =>
    Object.hasOwn(commands, String(command)) ? commands[String(command)]?.(a, b) : console.warn('Teppan: no command', command);
  const pending = Array.from(window.Teppan?.q ?? [], (args) => Array.from(args));
  window.Teppan = Object.assign(run, { version: __TEPPAN_VERSION__ }) as unknown as Window['Teppan'];
  for (const [command, a, b] of pending) run(command, a, b);
}
