import { html, type PropertyValues } from 'lit';
import { GentleElement } from '../shared/base.js';
import { hashText, readItem, storageArea, writeItem, type StorageArea } from '../shared/storage.js';
import { sharedStyles } from '../shared/styles.js';
import { decode, encode, isLocked, journalKey, saver, type Answers } from './answer-store.js';
import type { JournalExport } from './export.js';
import type { JournalLock } from './lock.js';
import { styles } from './journal-prompts.styles.js';
import { keys, strings, type JournalPromptsString } from './strings.js';

export type JournalPromptsLayout = 'list' | 'steps';
export type JournalPromptsStorage = 'session' | 'local' | 'none';

/** `detail` of `journal-prompts-save`: where the answers were written. Never the answers. */
export interface JournalPromptsSaveDetail {
  storage: StorageArea;
}
/** `detail` of `journal-prompts-export`: how the answers left the element. Never the answers. */
export interface JournalPromptsExportDetail {
  format: 'clipboard' | 'markdown' | 'text' | 'print';
}

const ACTIONS = ['copy', 'markdown', 'text', 'print', 'delete'] as const;
const LAYOUTS = ['list', 'steps'];
const STORAGES = ['session', 'local', 'none'];
/** Window events a journal follows; `content-notice-exit` bubbles up from the document. */
const EVENTS = ['pagehide', 'visibilitychange', 'storage', 'content-notice-exit', 'pageshow'];
/** Storage keys in use on this page, so two journals never write over each other. */
const keysInUse = new Set<string>();

/** The Copy, Download and Print code, loaded on demand (in the CDN build, a file of its own). */
const exporter = () => import('./export.js');
/** Whether a reader's first words have asked for it already: once a page, not on every keystroke. */
let exporterAsked = false;

/**
 * Gentle journaling prompts with a private answer field under each. The prompts are the element's
 * own list, readable without JavaScript; the answers stay on the reader's device and are never sent
 * anywhere. Saving waits for a pause in typing, and happens at once when the tab is hidden or closed.
 *
 * @tag journal-prompts
 *
 * @slot - The prompts: an `<ol>` or `<ul>` of `<li>`, or one `<p>` per prompt.
 * @slot heading - A heading or lead-in above the prompts.
 * @slot invitation - An invitation to write one's own question; it gets a question field and an answer field.
 *
 * @attr {string} question-label - Label of the reader's own question field (default: localised "Your own question").
 * @attr {string} answer-label - Label of the answer to the reader's own question (default: localised "Your answer").
 * @attr {string} previous-label - The steps layout's "Previous" button.
 * @attr {string} next-label - The steps layout's "Next" button.
 * @attr {string} step-label - Where the reader is in the steps layout, such as "Step {i} of {n}": the step's number, then how many there are.
 * @attr {string} keep-label - The switch that keeps the answers on this device (default: "Keep my answers on this device").
 * @attr {string} session-label - Says the answers stay in this tab until it closes.
 * @attr {string} local-label - Says the answers stay on this device.
 * @attr {string} none-label - Says the answers are not saved (`storage="none"`).
 * @attr {string} memory-label - Says the browser blocks saving (or storage is full), so answers last while the page is open.
 * @attr {string} never-label - Says the answers are never sent anywhere; always shown.
 * @attr {string} copy-label - The "Copy all" button.
 * @attr {string} markdown-label - The "Download .md" button.
 * @attr {string} text-label - The "Download .txt" button.
 * @attr {string} print-label - The "Print" button.
 * @attr {string} delete-label - The "Delete my answers" button.
 * @attr {string} confirm-label - The question asked before deleting.
 * @attr {string} copied-label - Status after copying.
 * @attr {string} downloaded-label - Status after a download.
 * @attr {string} deleted-label - Status after deleting.
 * @attr {string} failed-label - Status when copying failed.
 * @attr {string} unavailable-label - Status when Copy, Download or Print could not load (the reader is offline, say).
 * @attr {string} lock-label - The "Lock my answers" button.
 * @attr {string} unlock-label - The "Unlock" button of a locked journal.
 * @attr {string} locked-label - Says the answers are locked (the status line of a locked journal).
 * @attr {string} choose-label - Above a new passphrase: the answers will be stored encrypted, and only it opens them.
 * @attr {string} gone-label - Above a new passphrase: a forgotten passphrase means the answers are gone.
 * @attr {string} passphrase-label - The passphrase field.
 * @attr {string} repeat-label - The field that repeats a new passphrase.
 * @attr {string} seal-label - The button that locks with the new passphrase.
 * @attr {string} cancel-label - The button that closes the lock's form.
 * @attr {string} open-label - The button that unlocks with the passphrase typed.
 * @attr {string} wrong-label - Says the passphrase does not open the answers.
 * @attr {string} differ-label - Says the two new passphrases are not the same.
 * @attr {string} working-label - Says the lock is at work (deriving the key takes a moment).
 * @attr {string} unsaved-label - Says storage refused the locked answers, so nothing changed.
 * @attr {string} forgot-label - The button that deletes locked answers whose passphrase is forgotten.
 * @attr {string} remove-label - The button that removes the lock, keeping the answers.
 * @attr {string} broken-label - Says the lock did not work in this browser (it needs an https page), so nothing changed.
 *
 * @event {CustomEvent<JournalPromptsSaveDetail>} journal-prompts-save - The answers were written to this device's storage. The detail never holds answer text.
 * @event {CustomEvent<JournalPromptsExportDetail>} journal-prompts-export - The reader copied, downloaded or printed the answers. The detail never holds answer text.
 * @event {CustomEvent<Record<string, never>>} journal-prompts-clear - The reader deleted every answer, stored copies included.
 *
 * @csspart heading - The wrapper of the heading slot.
 * @csspart prompts - The list of prompts with their fields.
 * @csspart prompt - One prompt with its field(s).
 * @csspart label - A prompt's text, the label of its field.
 * @csspart answer - An answer field.
 * @csspart question - The reader's own question field.
 * @csspart nav - The steps layout's row: previous, "2 of 4", next.
 * @csspart counter - The "2 of 4" text.
 * @csspart actions - The row of action buttons.
 * @csspart button - Every button.
 * @csspart previous - The steps layout's "Previous" button.
 * @csspart next - The steps layout's "Next" button.
 * @csspart copy - The "Copy all" button.
 * @csspart markdown - The "Download .md" button.
 * @csspart text - The "Download .txt" button.
 * @csspart print - The "Print" button.
 * @csspart delete - The "Delete my answers" button.
 * @csspart storage - The "Keep my answers on this device" switch with its label.
 * @csspart status - The line that says where the answers are kept, and the result of the last action.
 * @csspart lock - The "Lock my answers" button.
 * @csspart lock-form - The lock's form: a new passphrase (twice), or the passphrase that unlocks.
 * @csspart unlock - The "Unlock" button of a locked journal.
 * @csspart passphrase - A passphrase field of the lock's form.
 * @csspart lock-status - The lock's message under its form (a wrong passphrase, say).
 * @csspart remove - The "Remove the lock" button of an open locked journal.
 * @csspart seal - The lock form's "Lock" button.
 * @csspart open - The lock form's "Unlock" button.
 * @csspart cancel - The lock form's "Cancel" button.
 * @csspart forgot - The lock form's "Forgot it? Delete these answers" button.
 *
 * @cssproperty [--journal-prompts-field-surface=var(--gentle-surface, transparent)] - Background of the answer fields.
 * @cssproperty [--journal-prompts-field-border=a 35% tint of the text colour] - Border colour of the answer fields.
 * @cssproperty [--journal-prompts-field-height=4.5em] - Smallest height of an answer field; fields grow with their text.
 * @cssproperty [--gentle-accent=#3b6e66] - Accent shared by every gentle-widgets element: focus rings and the switch.
 * @cssproperty [--gentle-surface] - Background shared by every element; here, of the answer fields.
 * @cssproperty [--gentle-radius=0.5em] - Corner radius of fields and buttons.
 * @cssproperty [--gentle-font=inherit] - Font of the element; the page's by default.
 * @cssproperty [--gentle-gap=1em] - Space above and below the element and between prompts.
 */
export class JournalPromptsElement extends GentleElement {
  /** @internal */
  static override defaultTag = 'journal-prompts';
  static override styles = [sharedStyles, styles];
  static override properties = {
    layout: { reflect: true },
    storage: {},
    storageKey: { attribute: 'storage-key' },
    storageLocked: { type: Boolean, attribute: 'storage-locked' },
    lock: {},
    step: { attribute: false },
    // Every `<key>-label` attribute re-renders the element when it changes.
    ...Object.fromEntries(keys.map((key) => [`${key}-label`, {}])),
  };

  /** `list` shows every prompt; `steps` shows one at a time with previous and next buttons. */
  layout: 'list' | 'steps' = 'list';

  /** Where answers are kept: `session` (this tab, until it closes), `local` (this device) or `none`. */
  storage: 'session' | 'local' | 'none' = 'session';

  /** Names this journal's stored answers; by default the page path plus a hash of the prompts. */
  storageKey?: string;

  /** Hides the reader's "Keep my answers on this device" switch, so `storage` alone decides. */
  storageLocked = false;

  /**
   * `off` takes the lock away: no "Lock my answers" button. Otherwise the reader may lock their answers
   * with a passphrase, and they are stored only encrypted.
   */
  lock: 'on' | 'off' = 'on';

  /** The step shown in the `steps` layout, from 0 (the reader's own question is the last). */
  step = 0;

  /** The prompts read from the light DOM, each with the key its answer is stored under. */
  #prompts: { key: string; text: string }[] = [];
  #answers: Answers = {};
  #key = '';
  /** Where answers are written now; `null` with `storage="none"` or when storage refused. */
  #area: StorageArea | null = null;
  #store: Storage | null = null;
  /** Storage refused us (blocked, or full): the answers live in memory only. */
  #memory = false;
  #message = '';
  /** Storage holds these answers locked. */
  #sealed = false;
  /** The lock, once the reader has asked to lock or unlock; open while it holds the key. */
  #lock?: JournalLock;
  readonly #saver = saver(() => this.#save());

  get #count() {
    return this.#prompts.length + (this.#invitation ? 1 : 0);
  }

  get #invitation() {
    return this.querySelector(':scope>[slot=invitation]');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const items = this.querySelectorAll(':scope>:is(ol,ul)>li');
    const texts = [...(items.length ? items : this.querySelectorAll(':scope>p:not([slot])'))]
      .map((item) => item.textContent!.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    // An answer is stored under a hash of its prompt, so an edited or reordered prompt keeps its own.
    this.#prompts = texts.map((text, i) => ({ key: texts.indexOf(text) < i ? `${i}` : hashText(text), text }));
    if (!this.#count) this.warn('journal-empty');
    const shared = journalKey(this.storageKey, location.pathname, texts);
    let key = shared;
    for (let n = 2; keysInUse.has(key); n++) key = `${shared}#${n}`;
    if (key !== shared) this.warn('journal-key', key);
    keysInUse.add((this.#key = key));
    this.#open();
    for (const type of EVENTS) addEventListener(type, this.#on);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#saver.flush();
    keysInUse.delete(this.#key);
    for (const type of EVENTS) removeEventListener(type, this.#on);
  }

  /**
   * `pagehide` and `visibilitychange` (it bubbles from the document) save at once: a debounce alone
   * loses the last words when a tab closes. A `storage` event is another tab writing our key.
   */
  readonly #on = (event: Event) => {
    const { type } = event;
    if (type === 'content-notice-exit') this.#leave();
    // Back from the back/forward cache after a quick exit: what this device keeps comes back.
    else if (type === 'pageshow') {
      if ((event as PageTransitionEvent).persisted && !this.#area) this.#open();
    } else if (type !== 'storage') {
      // Leaving the page (perhaps for the back/forward cache): an open lock saves and closes, so Back
      // shows it locked; otherwise the waiting save happens now.
      if (type === 'pagehide' && this.#lock?.open) this.#lock.close();
      else this.#saver.flush();
    }
    // Take the other tab's answers, unless the reader is typing here.
    else if ((event as StorageEvent).key === this.#key && this.#area === 'local' && !this.#saver.pending) this.#load((event as StorageEvent).newValue);
  };

  /**
   * A quick exit (`content-notice-exit`): words kept on this device are saved (locked ones
   * encrypted), words kept in this tab are removed, the key is forgotten and the fields emptied.
   * Nothing is written until the page is shown again (no area to write to).
   */
  #leave() {
    if (this.#area === 'local') this.#saver.flush();
    else writeItem(this.#store, this.#key, null);
    this.#saver.cancel();
    this.#area = null;
    this.#answers = {};
    this.#lock?.forget();
    for (const field of this.renderRoot.querySelectorAll('textarea')) field.value = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.step = Math.max(0, Math.min(this.step, this.#count - 1));
    if (changed.has('layout') && !LAYOUTS.includes(this.layout)) this.warn('journal-layout', this.layout);
    if (changed.has('lock') && !['on', 'off'].includes(this.lock)) this.warn('journal-lock', this.lock);
    // The first time, connectedCallback has opened the storage already.
    if ((changed.has('storage') || changed.has('storageLocked')) && this.hasUpdated) this.#open();
  }

  /** Finds the answers (in the other area, when the reader moved them there) and loads them. */
  #open() {
    let want = this.storage;
    if (!STORAGES.includes(want)) {
      this.warn('journal-storage', want);
      want = 'session';
    }
    this.#memory = false;
    this.#area = null;
    if (want === 'none') return;
    const stored = (area: StorageArea) => readItem(storageArea(area), this.#key);
    // Each area is read once, the other only when this one holds nothing: a first read of
    // `localStorage` loads it from disk.
    const mine = stored(want);
    const theirs = mine || this.storageLocked ? null : stored(want === 'local' ? 'session' : 'local');
    const area = theirs ? (want === 'local' ? 'session' : 'local') : want;
    if (!(this.#store = storageArea(area))) return this.#refused('blocked');
    this.#area = area;
    // Words typed before `storage` changed win over stored ones, and are saved to the new place.
    const typed = this.#answers;
    this.#load(theirs ?? mine);
    Object.assign(this.#answers, typed);
    if (encode(typed)) this.#saver.schedule();
  }

  /** Loads stored answers; a locked record locks the journal (another tab may have written it). */
  #load(raw: string | null) {
    this.#sealed = isLocked(raw);
    this.#answers = decode(raw) ?? {};
    this.#lock?.forget();
    this.requestUpdate();
  }

  /** Storage is blocked, or full: the words stay in memory, and the status line and console say so once. */
  #refused(why: string) {
    if (!this.#memory) this.warn('journal-memory', why);
    this.#memory = true;
    this.requestUpdate();
  }

  /** Writes every answer; with `keep`, an empty record too, so the reader's choice of area holds. */
  #save(keep?: boolean) {
    const area = this.#area;
    const lock = this.#lock;
    // Never open text over a locked record; nothing at all after a quick exit.
    if (!area || (this.#sealed && !lock?.open)) return;
    const text = encode(this.#answers, keep || this.#sealed);
    // A locked journal's answers are encrypted first, which the browser does asynchronously.
    if (this.#sealed) lock!.save(text!).then((ok) => this.#saved(ok, area));
    else this.#saved(writeItem(this.#store, this.#key, text), area);
  }

  #saved(ok: boolean, storage: StorageArea) {
    if (!ok) return this.#refused('full');
    if (this.#memory) this.requestUpdate();
    this.#memory = false;
    this.emit<JournalPromptsSaveDetail>('journal-prompts-save', { storage });
  }

  /** The reader pressed "Lock my answers" or "Unlock": the lock loads, if need be, and acts. */
  async #locking() {
    const code = await import('./lock.js').catch(() => null);
    if (!code) return this.#say('unavailable');
    (this.#lock ??= new code.JournalLock({
      html,
      label: (table, key) => this.label(table, key),
      where: () => [this.#store, this.#key],
      answers: () => encode(this.#answers, true)!,
      done: (text) => {
        // Removed (`null`): the answers are stored open again. Opened: they show. Locked: they go.
        if ((this.#sealed = text !== null)) this.#answers = decode(text) ?? {};
        else this.#save(true);
        this.#focus(text === undefined ? '[part~=unlock]' : 'textarea');
      },
      clear: () => this.#act('delete'),
      update: () => (this.requestUpdate(), this.updateComplete),
    })).act();
    this.#focus('[part=passphrase]');
  }

  /** Renders, then moves focus to the first match of `selector` (the control that replaced the one pressed). */
  async #focus(selector: string) {
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The reader's switch: moves the answers to the other area, then removes the old copy. */
  #move(event: Event) {
    const from = this.#store;
    this.#store = storageArea((this.#area = (event.target as HTMLInputElement).checked ? 'local' : 'session'));
    this.#saver.cancel();
    this.#save(true);
    if (!this.#memory) writeItem(from, this.#key, null);
    this.requestUpdate();
  }

  readonly #input = (event: Event) => {
    const field = event.target as HTMLTextAreaElement;
    this.#answers[field.name] = field.value;
    this.#saver.schedule();
    // The reader has words worth keeping: the export code loads now, so it is here when they ask.
    // (If it fails, a button asks again.)
    if (!exporterAsked) exporter().catch(() => {});
    exporterAsked = true;
    // The last action's message ("Deleted.") no longer describes what the fields hold.
    if (this.#message) this.#say();
    // `field-sizing: content` grows the field where supported; elsewhere, this does.
    if (!CSS.supports('field-sizing', 'content')) {
      field.style.height = '';
      field.style.height = `${field.scrollHeight + 2}px`;
    }
  };

  #t(key: JournalPromptsString): string {
    return this.label(strings, key);
  }

  #say(key?: JournalPromptsString) {
    this.#message = key ? this.#t(key) : '';
    this.requestUpdate();
  }

  /** Every prompt with its answer, and the reader's own question last when they wrote one. */
  #export(format: (journal: JournalExport) => string) {
    const answers = this.#answers;
    const entries = this.#prompts.map(({ key, text }) => ({ prompt: text, answer: answers[key] ?? '' }));
    if (answers.q || answers.o) entries.push({ prompt: answers.q || this.#t('question'), answer: answers.o ?? '' });
    return format({
      title: this.querySelector(':scope>[slot=heading]')?.textContent!.trim() || document.title,
      date: new Date().toLocaleDateString(this.language, { dateStyle: 'long' }),
      entries,
    });
  }

  /**
   * Runs an export with the export code, loaded first if need be; fires `journal-prompts-export`
   * (before `run`, for print, which blocks) and says how it went. `false` when it could not be done.
   */
  async #run(format: JournalPromptsExportDetail['format'], run: (code: Awaited<ReturnType<typeof exporter>>) => unknown, done?: JournalPromptsString): Promise<boolean> {
    const code = await exporter().catch(() => null);
    // The export code did not load (offline before the first word was typed): the answers stay, and the reader may try again.
    if (!code) {
      this.#say('unavailable');
      return false;
    }
    if (format === 'print') this.emit<JournalPromptsExportDetail>('journal-prompts-export', { format });
    const ok = (await run(code)) !== false;
    if (ok && format !== 'print') this.emit<JournalPromptsExportDetail>('journal-prompts-export', { format });
    if (done || !ok) this.#say(ok ? done : 'failed');
    return ok;
  }

  /** Copies every prompt and answer as plain text; without the Clipboard API, from a selected field. */
  copy(): Promise<boolean> {
    return this.#run('clipboard', (code) => code.copyText(this.#export(code.toText), this.renderRoot as ShadowRoot), 'copied');
  }

  /** Downloads every prompt and answer with the date, as Markdown (`.md`) or plain text (`.txt`). */
  download(format: 'markdown' | 'text'): Promise<boolean> {
    const md = format === 'markdown';
    return this.#run(format, (code) => code.downloadText(this.#export(md ? code.toMarkdown : code.toText), md), 'downloaded');
  }

  /** Prints the prompts and answers alone: no buttons, and none of the rest of the page. */
  print(): Promise<boolean> {
    return this.#run('print', (code) => code.printAlone(this));
  }

  /** Empties every field and removes every stored copy of this journal's answers, without asking. */
  clear(): void {
    this.#saver.cancel();
    this.#answers = {};
    // The lock goes with the answers it kept.
    this.#sealed = false;
    this.#lock?.forget();
    for (const area of ['session', 'local'] as const) writeItem(storageArea(area), this.#key, null);
    this.emit('journal-prompts-clear', {});
    this.#say('deleted');
  }

  #act(action: (typeof ACTIONS)[number]) {
    if (action === 'copy') this.copy();
    else if (action === 'print') this.print();
    else if (action !== 'delete') this.download(action);
    else if (confirm(this.#t('confirm'))) this.clear();
  }

  async #go(by: number) {
    this.step += by;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.current textarea')?.focus();
  }

  /** Fields get their text from the answers after a render; typing itself never renders. */
  protected override updated(): void {
    for (const field of this.renderRoot.querySelectorAll('textarea')) {
      const text = this.#answers[field.name] ?? '';
      if (field.value !== text) field.value = text;
    }
  }

  protected override render() {
    const count = this.#count;
    // Nothing to answer: the content as written, and nothing that pretends to be a form.
    if (!count) return html`<slot name="heading"></slot><slot></slot>`;
    const t = (key: JournalPromptsString) => this.#t(key);
    const steps = this.layout === 'steps';
    const step = this.step;
    // Locked: the prompts alone, and the way to unlock.
    const locked = this.#sealed && !this.#lock?.open;
    const field = (name: string, label: string, part = 'answer') =>
      locked
        ? label
        : html`<label part="label" for=${name}>${label}</label><textarea part=${part} id=${name} name=${name} @input=${this.#input}></textarea>`;
    const item = (i: number, content: unknown) =>
      html`<li part="prompt" class=${steps ? (i === step ? 'current' : 'later') : ''}>${content}</li>`;
    const button = (key: JournalPromptsString, onClick: () => unknown, disabled = false) =>
      html`<button part="button ${key}" type="button" ?disabled=${disabled} @click=${onClick}>${t(key)}</button>`;
    const own = html`<slot name="invitation"></slot>${locked ? '' : [field('q', t('question'), 'question'), field('o', t('answer'))]}`;
    return html`
      <div part="heading"><slot name="heading"></slot></div>
      <ol part="prompts" class=${steps || !this.querySelector(':scope>ol') ? 'plain' : ''}>
        ${this.#prompts.map(({ key, text }, i) => item(i, field(key, text)))} ${this.#invitation && item(count - 1, own)}
      </ol>
      <div part="nav" ?hidden=${!steps}>
        ${button('previous', () => this.#go(-1), !step)}
        <span part="counter">${t('step').replace('{i}', String(step + 1)).replace('{n}', String(count))}</span>
        ${button('next', () => this.#go(1), step === count - 1)}
      </div>
      <div part="actions" ?hidden=${locked}>${ACTIONS.map((action) => button(action, () => this.#act(action)))}</div>
      <div part="actions" ?hidden=${this.#lock?.asking || (!locked && (this.lock === 'off' || !this.#area || !isSecureContext))}>${button(locked ? 'unlock' : 'lock', () => this.#locking())}</div>
      ${this.#lock?.view()}
      <label part="storage" ?hidden=${locked || this.storageLocked || !this.#area}>
        <input type="checkbox" role="switch" .checked=${this.#area === 'local'} @change=${this.#move} />${t('keep')}
      </label>
      <p part="status" role="status">${t(locked ? 'locked' : this.#memory ? 'memory' : (this.#area ?? 'none'))} ${t('never')} ${this.#message}</p>
      <slot hidden></slot>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journal-prompts': JournalPromptsElement;
  }
  interface GlobalEventHandlersEventMap {
    'journal-prompts-save': CustomEvent<JournalPromptsSaveDetail>;
    'journal-prompts-export': CustomEvent<JournalPromptsExportDetail>;
    'journal-prompts-clear': CustomEvent<Record<string, never>>;
  }
}
