/**
 * A schema built on first use. The embed build (vite.config.ts, `lazyContract`) wraps each schema
 * src/contract builds at the top level in this, so a page builds only the schemas it reads: building
 * every one of them as the shared chunk loads cost ~25 ms of CPU (~100 ms on a slow phone) before the
 * first render, most of it for other widgets' requests and replies. The proxy forwards everything to
 * the built schema, so callers, and zod itself when it nests one schema in another, see no difference.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let schema: T | undefined;
  const real = () => {
    schema ??= build();
    return schema;
  };
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    // A proxy may not report a property its (empty) target lacks as non-configurable.
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      return d && { ...d, configurable: true };
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(real(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
