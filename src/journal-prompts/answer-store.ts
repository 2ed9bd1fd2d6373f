import { hashText } from '../shared/storage.js';

/**
 * The reader's words by field: each prompt's key (a hash of its text), `q` for their own question
 * and `o` for its answer. Answers to prompts the page no longer shows are kept, never dropped.
 */
export type Answers = Record<string, string>;

/** The version written into every stored value; data of any other version counts as nothing stored. */
export const VERSION = 1;

/** The storage key: `storage-key` when given, else the page path and a hash of the prompts. */
export function journalKey(storageKey: string | null | undefined, path: string, prompts: readonly string[]): string {
  return `gentle-widgets:journal-prompts:${storageKey?.trim() || `${path}:${hashText(prompts.join('\n'))}`}`;
}

/**
 * Answers as stored: versioned JSON, without empty fields; `null` (remove the key) when nothing is
 * written, unless `keep` asks for an empty record (it marks where the reader chose to keep answers).
 */
export function encode(answers: Answers, keep = false): string | null {
  const written = Object.entries(answers).filter(([, text]) => text);
  return written.length || keep ? JSON.stringify({ v: VERSION, a: Object.fromEntries(written) }) : null;
}

/** Stored data back into answers; anything unreadable (not JSON, another version, another shape) is `null`. */
export function decode(raw: string | null | undefined): Answers | null {
  // Nothing stored, the usual case: no parse, and no exception to build and catch.
  if (!raw) return null;
  try {
    const data = JSON.parse(raw);
    if (data?.v === VERSION && data.a?.constructor === Object) {
      return Object.fromEntries(Object.entries(data.a).filter(([, text]) => typeof text === 'string')) as Answers;
    }
  } catch {
    // Not JSON: nothing stored.
  }
  return null;
}

/**
 * Whether stored data is a locked journal: `{"v":1,"lock":…}`, as the lock (`lock.ts`) writes it.
 * Told from its first characters, so the bundle needs none of the lock's code to know.
 */
export const isLocked = (raw: string | null | undefined): boolean => !!raw?.startsWith('{"v":1,"lock":');

/** A debounced save that can also be flushed at once (on `pagehide`, or when the tab is hidden). */
export interface Saver {
  /** Asks for a save: it runs `wait` ms after the last ask, and at the latest `maxWait` ms after the first. */
  schedule(): void;
  /** Runs a pending save now; does nothing when none is pending. */
  flush(): void;
  /** Drops a pending save. */
  cancel(): void;
  /** Whether a save is waiting. */
  readonly pending: boolean;
}

/**
 * A save that waits for a pause in typing but never waits longer than `maxWait`, so steady typing
 * writes about once a second and a crash loses at most the last second.
 */
export function saver(save: () => void, wait = 400, maxWait = 1000): Saver {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = 0;
  const cancel = () => {
    clearTimeout(timer);
    first = 0;
  };
  const flush = () => {
    if (first) {
      cancel();
      save();
    }
  };
  return {
    schedule() {
      const now = Date.now();
      first ||= now;
      clearTimeout(timer);
      timer = setTimeout(flush, Math.min(wait, first + maxWait - now));
    },
    flush,
    cancel,
    get pending() {
      return first > 0;
    },
  };
}
