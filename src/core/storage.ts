/**
 * localStorage that never throws: storage can be full, disabled (Safari private
 * mode, strict cookie settings) or hold garbage from an older release. Callers
 * get `undefined` and carry on without persistence.
 */
export interface KeyValueStore {
  read<T>(key: string, isValid: (value: unknown) => value is T): T | undefined;
  write(key: string, value: unknown): boolean;
  remove(key: string): void;
}

function backing(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export const safeStorage: KeyValueStore = {
  read(key, isValid) {
    try {
      const raw = backing()?.getItem(key);
      if (raw == null) return undefined;
      const value: unknown = JSON.parse(raw);
      return isValid(value) ? value : undefined;
    } catch {
      return undefined;
    }
  },
  write(key, value) {
    try {
      backing()?.setItem(key, JSON.stringify(value));
      return true;
    } catch {
      return false;
    }
  },
  remove(key) {
    try {
      backing()?.removeItem(key);
    } catch {
      // Nothing to clean up if storage is unavailable.
    }
  },
};
