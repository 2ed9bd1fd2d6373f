/**
 * The journal's lock: the reader's answers, stored only encrypted under a passphrase that is never
 * stored. The element loads this module when a reader asks to lock or to unlock, never before (in the
 * CDN build, a file of its own beside the bundle). No Lit import: its forms are written with the `html`
 * the element hands it, so the bundle's one copy of Lit renders them.
 *
 * Cryptography (Web Crypto only):
 * - the key is derived from the passphrase with PBKDF2-SHA-256, {@link ITERATIONS} iterations and a
 *   random 16-byte salt chosen when the reader locks; it is kept in memory, not extractable, while
 *   the journal is open, and forgotten when it locks again or the page goes;
 * - every write is AES-256-GCM with a fresh random 12-byte IV, and the storage key as additional
 *   data, so a record copied under another journal's key does not open;
 * - a wrong passphrase is known by AES-GCM's authentication failing: nothing about the passphrase is
 *   stored to check it against.
 */
import type { html as Html, TemplateResult } from 'lit';
import type { StringTable } from '../shared/i18n.js';
import { storageArea, writeItem, readItem } from '../shared/storage.js';

/** PBKDF2-SHA-256 iterations for a new lock (OWASP's recommendation for PBKDF2-HMAC-SHA256, 2023). */
export const ITERATIONS = 600_000;

/** The most iterations a stored record may ask for: a record altered to ask for more would never open. */
export const MAX_ITERATIONS = 10_000_000;

/** A locked journal as stored: the salt, the iterations, the IV and the ciphertext, in base64. */
export interface Sealed {
  s: string;
  n: number;
  i: string;
  c: string;
}

/** The stored form of a locked journal: `{"v":1,"lock":{…}}`, told apart from open answers by `lock`. */
export interface LockedRecord {
  v: 1;
  lock: Sealed;
}

const encoder = new TextEncoder();
const subtle = () => crypto.subtle;

const toBase64 = (bytes: Uint8Array) => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * The AES-GCM key for a passphrase (NFC-normalised, so the same words typed on another keyboard give
 * the same key) and salt. Deliberately slow: about a third of a second on a laptop.
 */
export async function deriveKey(passphrase: string, salt: Uint8Array, iterations = ITERATIONS): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A fresh random salt for a new lock. */
export const newSalt = (): Uint8Array => crypto.getRandomValues(new Uint8Array(16));

/** Encrypts `text` with a fresh IV; returns the record to store. `context` is bound in as additional data. */
export async function seal(text: string, key: CryptoKey, salt: Uint8Array, iterations: number, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, key, encoder.encode(text));
  const record: LockedRecord = { v: 1, lock: { s: toBase64(salt), n: iterations, i: toBase64(iv), c: toBase64(new Uint8Array(cipher)) } };
  return JSON.stringify(record);
}

/** The parts of a stored locked record, or `null` when `raw` is not one. */
export function readSealed(raw: string | null | undefined): Sealed | null {
  try {
    const lock = (JSON.parse(raw!) as LockedRecord | null)?.lock;
    if (lock && [lock.s, lock.i, lock.c].every((part) => typeof part === 'string') && Number.isInteger(lock.n) && lock.n > 0 && lock.n <= MAX_ITERATIONS) return lock;
  } catch {
    // Not JSON: not a locked record.
  }
  return null;
}

/** What opening a record gives: the stored text, and the key and salt that later writes reuse. */
export interface Opened {
  text: string;
  key: CryptoKey;
  salt: Uint8Array;
  iterations: number;
}

/**
 * Opens a locked record with a passphrase. Rejects with `'wrong'` when the passphrase does not open it
 * (or the record was altered: AES-GCM cannot tell the two apart), `'unreadable'` when it is not a record.
 */
export async function unseal(raw: string | null, passphrase: string, context: string): Promise<Opened> {
  const sealed = readSealed(raw);
  if (!sealed) throw 'unreadable';
  const salt = fromBase64(sealed.s);
  const key = await deriveKey(passphrase, salt, sealed.n);
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.i), additionalData: encoder.encode(context) },
      key,
      fromBase64(sealed.c) as BufferSource,
    );
    return { text: new TextDecoder().decode(plain), key, salt, iterations: sealed.n };
  } catch {
    throw 'wrong';
  }
}

/** The keys of the lock's UI strings, in the order every language lists them. */
export const keys = [
  'choose', 'gone', 'passphrase', 'repeat', 'seal', 'cancel', 'open', 'wrong', 'differ', 'working', 'unsaved', 'forgot', 'remove',
  'broken',
] as const;

export type JournalLockString = (typeof keys)[number];

/**
 * The lock's UI strings (English; the other languages in `src/locales/`, under `journal-lock`). Each
 * is also an attribute of `<journal-prompts>`: `<key>-label`.
 */
export const strings: StringTable<JournalLockString> = {
  name: 'journal-lock',
  keys,
  en:
    'Choose a passphrase. Your answers will be stored encrypted, and only this passphrase opens them.|' +
      'If you forget it, your answers are gone: no one can recover them, not even this site’s owner.|' +
      'Passphrase|The same passphrase again|Lock|Cancel|Unlock|' +
      'That passphrase does not open these answers. Please try again.|The two passphrases are not the same.|' +
      'One moment…|Storage refused the locked answers, so nothing changed.|Forgot it? Delete these answers|Remove the lock|' +
      'This did not work in this browser, so nothing changed.',
};

/** What the lock needs from its journal. */
export interface LockHost {
  /** Lit's `html`, the element's own copy. */
  readonly html: typeof Html;
  /** A UI string of `table`, in the journal's language (the site owner's `<key>-label` first). */
  label(table: StringTable<JournalLockString>, key: JournalLockString): string;
  /** Where the journal keeps its answers now: the storage area (`null` when it keeps none) and the key. */
  where(): readonly [Storage | null, string];
  /** The answers as the journal stores them when open (versioned JSON). */
  answers(): string;
  /**
   * The lock is done: it opened, with the answers as stored (`text`); it locked (`undefined`: the journal
   * forgets the answers it shows); or it was removed (`null`: the journal stores its answers open again).
   */
  done(text?: string | null): void;
  /** Deletes every answer, with the reader's confirmation. */
  clear(): void;
  /** Re-renders the journal; resolves once it has. */
  update(): Promise<unknown>;
}

/**
 * A journal's lock, from the first "Lock" or "Unlock" to the page's end: which form shows, the message
 * under it, and the key while the journal is open. Writes are queued, so a later save never lands
 * before an earlier one.
 */
export class JournalLock {
  /** The key while the journal is open; never stored, never extractable. */
  #key: CryptoKey | null = null;
  #salt: Uint8Array = new Uint8Array();
  #iterations = ITERATIONS;
  /** The form showing: set a passphrase, open the journal, or none. */
  #form: 'set' | 'open' | '' = '';
  #message: JournalLockString | '' = '';
  #writes: Promise<unknown> = Promise.resolve();
  readonly #host: LockHost;

  constructor(host: LockHost) {
    this.#host = host;
  }

  /** Whether a form shows (its own Lock or Unlock button takes the place of the journal's). */
  get asking(): boolean {
    return !!this.#form;
  }

  /** Whether the journal is open with a lock: its answers are shown, and written only encrypted. */
  get open(): boolean {
    return !!this.#key;
  }

  /**
   * The reader pressed "Lock my answers" or "Unlock": an open journal locks again at once; a locked one
   * asks for its passphrase; any other asks for a new passphrase, saying first what forgetting it means.
   */
  act(): void {
    if (this.#key) return void this.close();
    this.#form = readSealed(this.#stored()) ? 'open' : 'set';
    this.#message = '';
    void this.#host.update();
  }

  #stored() {
    return readItem(...this.#host.where());
  }

  /**
   * Writes a locked record where the journal keeps its answers, and removes any copy in the other
   * storage area: no open copy of the answers is left anywhere. `false` when storage refused.
   */
  #store(record: string, [store, key] = this.#host.where()): boolean {
    return writeItem(store, key, record) && (['session', 'local'] as const).every((area) => storageArea(area) === store || writeItem(storageArea(area), key, null));
  }

  /** Encrypts and writes the answers; resolves once written (`false` when storage refused). */
  save(text: string): Promise<boolean> {
    const key = this.#key;
    if (!key) return Promise.resolve(false);
    // What the write needs, taken now: a relock or a quick exit right after this save must not change it.
    const [where, salt, iterations] = [this.#host.where(), this.#salt, this.#iterations];
    const write = this.#writes.then(async () => this.#store(await seal(text, key, salt, iterations, where[1]), where));
    this.#writes = write.catch(() => false);
    return write;
  }

  /**
   * Locks again at once: the answers as they are now are saved (encrypted, so words typed a moment ago are
   * kept), then the key and the shown answers are forgotten. Resolves once that last save is written.
   */
  close(): Promise<boolean> {
    const saved = this.save(this.#host.answers());
    this.forget();
    this.#host.done();
    return saved;
  }

  /**
   * Forgets the key and any form at once (the journal locks, another tab wrote it, or the page is being
   * left). A passphrase still being worked on is then forgotten too: its result is dropped.
   */
  forget(): void {
    this.#run++;
    this.#key = null;
    this.#form = '';
    void this.#host.update();
  }

  /** Counts the forms' work: cancelling, forgetting or a new submit makes an unfinished one's result void. */
  #run = 0;

  /** After the form goes, focus to the journal's first `selector` (the button that opened it, say). */
  async #refocus(event: Event, selector: string) {
    const root = (event.target as Element).getRootNode() as ShadowRoot;
    await this.#host.update();
    root.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Closes the form, dropping a passphrase still being worked on, and gives focus back to the button that opened it. */
  #cancel(event: Event) {
    this.#run++;
    this.#form = '';
    void this.#refocus(event, '[part~=lock],[part~=unlock]');
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const [first, again] = [...form.querySelectorAll('input')].map((input) => input.value);
    if (this.#form === 'set' && first !== again) return this.#say('differ', form);
    const setting = this.#form === 'set';
    const run = ++this.#run;
    this.#say('working');
    try {
      if (setting) {
        const salt = newSalt();
        const key = await deriveKey(first, salt);
        if (run !== this.#run) return;
        [this.#key, this.#salt, this.#iterations] = [key, salt, ITERATIONS];
        if (!(await this.save(this.#host.answers()))) throw 'unsaved';
        this.forget();
        this.#host.done();
      } else {
        const opened = await unseal(this.#stored(), first, this.#host.where()[1]);
        if (run !== this.#run) return;
        ({ key: this.#key, salt: this.#salt, iterations: this.#iterations } = opened);
        this.#form = '';
        this.#host.done(opened.text);
      }
      form.reset();
    } catch (why) {
      if (run !== this.#run) return;
      this.#key = null;
      // Only a failed decryption means a wrong passphrase; anything else (no Web Crypto on a page that is
      // not https, storage refusing) is said as it is.
      this.#say(why === 'wrong' || why === 'unsaved' ? why : 'broken', form);
    }
  }

  /** Says `key` under the form; with a form, clears and focuses its first field for another try. */
  #say(key: JournalLockString, form?: HTMLFormElement) {
    this.#message = key;
    void this.#host.update();
    if (form) {
      form.reset();
      form.querySelector('input')!.focus();
    }
  }

  /** The reader forgot the passphrase: the journal deletes the answers (after asking), focus to its Lock button. */
  #forgot(event: Event) {
    this.#host.clear();
    void this.#refocus(event, '[part~=lock]');
  }

  /** Takes the lock away: the answers are stored open again, as before it was set. */
  async #remove() {
    await this.#writes;
    this.#key = null;
    this.#host.done(null);
  }

  /** The lock's part of the journal: its form, or while open the "Remove the lock" button. */
  view(): TemplateResult | string {
    const { html } = this.#host;
    const t = (key: JournalLockString) => this.#host.label(strings, key);
    const set = this.#form === 'set';
    // The first field is described by the warning above it, so a screen reader hears it with the field.
    const field = (id: string, key: JournalLockString, complete: 'new-password' | 'current-password', described = '') =>
      html`<label part="label" for=${id}>${t(key)}</label
        ><input part="passphrase" id=${id} type="password" required autocomplete=${complete} aria-describedby=${described} />`;
    if (!this.#form) return this.#key ? html`<div part="actions"><button part="button remove" type="button" @click=${() => this.#remove()}>${t('remove')}</button></div>` : '';
    // Escape closes the form, as it would a dialog.
    const escape = (event: KeyboardEvent) => event.key === 'Escape' && this.#cancel(event);
    return html`<form part="lock-form" method="dialog" @submit=${(event: SubmitEvent) => this.#submit(event)} @keydown=${escape}>
      ${set ? html`<p id="lock-choose">${t('choose')}</p><p id="lock-gone"><strong>${t('gone')}</strong></p>` : ''}
      ${field('pass', 'passphrase', set ? 'new-password' : 'current-password', set ? 'lock-choose lock-gone' : '')} ${set ? field('again', 'repeat', 'new-password') : ''}
      <div part="actions">
        <button part="button ${set ? 'seal' : 'open'}" ?disabled=${this.#message === 'working'}>${t(set ? 'seal' : 'open')}</button>
        <button part="button cancel" type="button" @click=${(event: Event) => this.#cancel(event)}>${t('cancel')}</button>
        ${set ? '' : html`<button part="button forgot" type="button" @click=${(event: Event) => this.#forgot(event)}>${t('forgot')}</button>`}
      </div>
      <p part="lock-status" role="status">${this.#message && t(this.#message)}</p>
    </form>`;
  }
}
