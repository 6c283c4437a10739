/**
 * A schema built on first use. Every schema the contract exports is declared with this, so importing the
 * contract builds none: a page builds only the schemas it reads, when it first reads them (after its first
 * render, mostly), not all of them, most of which belong to other widgets' requests and replies or to the
 * server. The proxy forwards everything to the built schema, so callers, zod nesting one schema in another,
 * and `z.toJSONSchema` for the OpenAPI document see no difference.
 *
 * `@__NO_SIDE_EFFECTS__`: a call whose schema nothing reads is dropped by the bundler, builder and all. Only
 * wrap schemas: anything else the builder does would never run, or run late.
 */
export const lazySchema = /* @__NO_SIDE_EFFECTS__ */ <T extends object>(build: () => T): T => {
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
};
