/** Where a widget may keep a small piece of state on this device. */
export type StorageArea = 'session' | 'local';

/**
 * The browser storage area as it is, or `null` where touching it throws (blocked site data,
 * sandboxed frames). A full storage is returned: it still reads and removes. Never throws.
 */
export function storageArea(area: StorageArea): Storage | null {
  try {
    return (area === 'local' ? globalThis.localStorage : globalThis.sessionStorage) ?? null;
  } catch {
    return null;
  }
}

/**
 * Returns the browser storage area, or `null` when it is blocked (privacy settings, sandboxed
 * frames) or unusable (full, read-only). Never throws.
 */
export function openStorage(area: StorageArea): Storage | null {
  const storage = storageArea(area);
  try {
    const probe = 'gentle-widgets:probe';
    storage!.setItem(probe, '1');
    storage!.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** Reads a key, `null` on any failure. */
export function readItem(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes (or with `null` removes) a key; `false` when the browser refused. */
export function writeItem(storage: Storage | null, key: string, value: string | null): boolean {
  if (!storage) return false;
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** A short, stable fingerprint of a text (FNV-1a, 32 bit): changes when the text changes. */
export function hashText(text: string): string {
  const normalised = text.replace(/\s+/g, ' ').trim();
  let hash = 0x811c9dc5;
  for (let i = 0; i < normalised.length; i++) {
    hash ^= normalised.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
