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

export const VERSION = '0.1.0';

/** `booking-created` or `teppan:booking-created` → the DOM event name. */
const eventName = (name: string) => (name.startsWith('teppan:') ? name : `teppan:${name}`);

/**
 * `window.Teppan`: a command function that works before the loader arrives
 * (the snippet queues calls in `Teppan.q`) and after (calls run at once).
 * Replays the queue in order, then takes over.
 */
export function createQueue(handlers: Handlers): void {
  type Listener = (detail: unknown, event: Event) => void;
  const listeners = new Map<Listener, EventListener>();
  const run = (...args: unknown[]) => {
    const [command, a, b] = args as [string, unknown, unknown];
    switch (command) {
      case 'init':
        handlers.init((a ?? {}) as Partial<EmbedConfig>);
        break;
      case 'on': {
        if (typeof b !== 'function') return console.error(`Teppan('on'): give a function.`);
        const fn = b as Listener;
        const listener: EventListener = (e) => fn((e as CustomEvent).detail, e);
        listeners.set(fn, listener);
        document.addEventListener(eventName(String(a)), listener);
        break;
      }
      case 'off': {
        const listener = listeners.get(b as Listener);
        if (listener) document.removeEventListener(eventName(String(a)), listener);
        break;
      }
      case 'preload':
        handlers.preload(String(a));
        break;
      case 'open':
        handlers.open(String(a));
        break;
      default:
        console.warn(`Teppan: no command '${String(command)}'.`);
    }
  };
  const pending = Array.from(window.Teppan?.q ?? [], (args) => Array.from(args));
  const teppan = Object.assign((...args: unknown[]) => run(...args), { version: VERSION });
  window.Teppan = teppan as unknown as Window['Teppan'];
  for (const args of pending) run(...args);
}
