import { expect, fixture, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/journal-prompts.js';
import type { JournalPromptsElement } from '../src/journal-prompts.js';
import { isLocked } from '../src/journal-prompts/answer-store.js';
import { ITERATIONS, deriveKey, newSalt, readSealed, seal, strings as lockStrings, unseal } from '../src/journal-prompts/lock.js';
import { strings } from '../src/journal-prompts/strings.js';
import { hashText } from '../src/shared/storage.js';
import { captureWarnings, stub } from './helpers.js';

const PROMPTS = ['What was there to be released, and what do I want to do with it?', 'What is a need I can give more attention to?'];
const [RELEASED, NEED] = PROMPTS.map(hashText);
const KEY = 'gentle-widgets:journal-prompts:lock-test';
const PASS = 'river stones at dusk';
/** Words no storage key may hold once the journal is locked. */
const SECRET = 'He reads my phone at night';
const LATER = 'I told my sister today';

const words = (list: string) => list.split('|');
const en = Object.fromEntries(strings.keys.map((key, i) => [key, words(strings.en)[i]]));
const lockEn = Object.fromEntries(lockStrings.keys.map((key, i) => [key, words(lockStrings.en)[i]]));

const markup = (attributes = '') => `<journal-prompts storage-key="lock-test" ${attributes}>
  <p slot="heading">A few gentle prompts</p>
  <ol>${PROMPTS.map((prompt) => `<li>${prompt}</li>`).join('')}</ol>
  <p slot="invitation">If another question feels more alive for you, follow that.</p>
</journal-prompts>`;
const journal = (attributes = '') => fixture<JournalPromptsElement>(markup(attributes));

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const button = (el: Element, part: string) => $<HTMLButtonElement>(el, `button[part~="${part}"]`);
const fields = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLTextAreaElement>('textarea')];
const passphrases = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[part="passphrase"]')];
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const write = (target: HTMLTextAreaElement, value: string) => {
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};
const deepActive = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};
/** Every value in both storage areas, as one string. */
const everything = () =>
  [sessionStorage, localStorage].flatMap((area) => Object.keys(area).map((key) => `${key}=${area.getItem(key)}`)).join('\n');

/** Records every value written to either storage area while it is installed. */
function recordWrites() {
  const values: string[] = [];
  const original = Storage.prototype.setItem;
  const restore = stub(Storage.prototype, 'setItem', function (this: Storage, key: string, value: string) {
    values.push(`${key}=${value}`);
    return original.call(this, key, value);
  });
  return { values, restore };
}

/** Fills the shown passphrase fields and submits the form, as a reader pressing Enter would. */
async function submit(el: JournalPromptsElement, ...values: string[]) {
  const inputs = passphrases(el);
  expect(inputs.length, 'passphrase fields shown').to.equal(values.length);
  inputs.forEach((input, i) => (input.value = values[i]));
  inputs[0].form!.requestSubmit();
}

/** Waits until the journal shows (or no longer shows) its answer fields. */
const untilFields = (el: JournalPromptsElement, shown: boolean) =>
  waitUntil(() => (fields(el).length > 0) === shown, `fields ${shown ? 'shown' : 'gone'}`, { timeout: 10_000 });

/** Presses Unlock and submits `PASS`; resolves once the answer fields are back. */
async function unlockWith(el: JournalPromptsElement) {
  button(el, 'unlock')!.click();
  await waitUntil(() => passphrases(el).length === 1, 'the unlock form');
  await submit(el, PASS);
  await untilFields(el, true);
}

/** Types answers, then locks them with `PASS`; resolves once the journal shows itself locked. */
async function lockWith(el: JournalPromptsElement, answers: [string, string] = [SECRET, 'Rest']) {
  write(fields(el)[0], answers[0]);
  write(fields(el)[1], answers[1]);
  button(el, 'lock')!.click();
  await waitUntil(() => passphrases(el).length === 2, 'the passphrase form', { timeout: 10_000 });
  await submit(el, PASS, PASS);
  await untilFields(el, false);
}

describe('the journal lock', () => {
  afterEach(() => {
    fixtureCleanup();
    sessionStorage.clear();
    localStorage.clear();
  });

  describe('its cryptography (lock.ts)', () => {
    it('derives an AES-GCM key with PBKDF2-SHA-256, at least 600,000 iterations and the given random salt', async () => {
      expect(ITERATIONS).to.be.at.least(600_000);
      const calls: [AlgorithmIdentifier | Pbkdf2Params, AlgorithmIdentifier | AesDerivedKeyParams, boolean][] = [];
      const subtle = crypto.subtle;
      const original = subtle.deriveKey;
      const restore = stub(subtle, 'deriveKey', function (this: SubtleCrypto, ...args: Parameters<SubtleCrypto['deriveKey']>) {
        calls.push([args[0], args[2], args[3]]);
        return original.apply(this, args);
      } as SubtleCrypto['deriveKey']);
      try {
        const salt = newSalt();
        const key = await deriveKey(PASS, salt);
        const [params, derived, extractable] = calls[0];
        expect(params).to.include({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
        expect((params as Pbkdf2Params).salt).to.equal(salt);
        expect(derived).to.deep.equal({ name: 'AES-GCM', length: 256 });
        expect(extractable, 'the key cannot be exported').to.equal(false);
        expect(key.extractable).to.equal(false);
      } finally {
        restore();
      }
      expect(newSalt()).to.have.length(16);
      expect(newSalt().join()).not.to.equal(newSalt().join());
    });

    it('seals with a fresh IV every time, opens with the passphrase, and refuses a wrong one or another journal', async () => {
      const salt = newSalt();
      const key = await deriveKey(PASS, salt);
      const first = await seal(SECRET, key, salt, ITERATIONS, KEY);
      const second = await seal(SECRET, key, salt, ITERATIONS, KEY);
      expect(isLocked(first), 'the bundle tells a locked record from its first characters').to.equal(true);
      const [a, b] = [readSealed(first)!, readSealed(second)!];
      expect(a.i).not.to.equal(b.i);
      expect(a.c).not.to.equal(b.c);
      expect(a.s).to.equal(b.s);
      expect(a.n).to.equal(ITERATIONS);
      expect(first).not.to.include(SECRET);
      expect(atob(a.c)).not.to.include(SECRET);

      const opened = await unseal(first, PASS, KEY);
      expect(opened.text).to.equal(SECRET);
      expect(opened.iterations).to.equal(ITERATIONS);
      let why: unknown;
      await unseal(first, 'river stones at dawn', KEY).catch((reason) => (why = reason));
      expect(why, 'wrong passphrase').to.equal('wrong');
      why = undefined;
      await unseal(first, PASS, `${KEY}-other`).catch((reason) => (why = reason));
      expect(why, 'a record moved to another journal does not open').to.equal('wrong');
      why = undefined;
      await unseal('{"v":1,"a":{}}', PASS, KEY).catch((reason) => (why = reason));
      expect(why).to.equal('unreadable');
    });

    it('reads only well-formed locked records', () => {
      expect(readSealed(null)).to.equal(null);
      expect(readSealed('not json')).to.equal(null);
      expect(readSealed('{"v":1,"lock":{"s":"a","i":"b","c":"c","n":-1}}')).to.equal(null);
      expect(readSealed('{"v":1,"lock":{"s":"a","i":"b","n":1}}')).to.equal(null);
      expect(readSealed('{"v":1,"lock":{"s":"a","i":"b","c":"c","n":1}}')).to.deep.equal({ s: 'a', i: 'b', c: 'c', n: 1 });
      expect(isLocked('{"v":1,"a":{"x":"{\\"v\\":1,\\"lock\\":"}}')).to.equal(false);
    });
  });

  describe('in <journal-prompts>', () => {
    it('tells the reader plainly, before they lock, that a forgotten passphrase means the answers are gone', async () => {
      const el = await journal();
      write(fields(el)[0], SECRET);
      expect(text(button(el, 'lock'))).to.equal('Lock my answers');
      button(el, 'lock')!.click();
      await waitUntil(() => passphrases(el).length === 2, 'the passphrase form');
      const form = $(el, 'form[part="lock-form"]')!;
      expect(text(form)).to.include(lockEn.gone);
      expect(text(form)).to.include(lockEn.choose);
      expect(passphrases(el).map((input) => input.labels![0].textContent)).to.deep.equal([lockEn.passphrase, lockEn.repeat]);
      expect(passphrases(el).every((input) => input.type === 'password' && !input.name), 'unnamed: never submitted anywhere').to.equal(true);
      expect(passphrases(el)[0].getAttribute('aria-describedby'), 'the warning is read with the field').to.equal('lock-choose lock-gone');
      expect(form.getAttribute('method')).to.equal('dialog');
      expect(deepActive(), 'focus moves to the passphrase').to.equal(passphrases(el)[0]);
      expect(button(el, 'lock')!.checkVisibility(), 'the form’s own Lock button takes the place of the journal’s').to.equal(false);
      const field = passphrases(el)[0].getBoundingClientRect();
      expect(field.width, 'a field wide enough to type in').to.be.greaterThan(150);
      expect(field.height).to.be.greaterThan(20);
      await expect(el).to.be.accessible();

      // Two different passphrases: nothing is locked, the reader is told and tries again.
      await submit(el, PASS, 'river stones at dawn');
      await waitUntil(() => text($(el, '[part="lock-status"]')) === lockEn.differ);
      expect(isLocked(sessionStorage.getItem(KEY))).to.equal(false);
      expect(fields(el)[0].value).to.equal(SECRET);

      // Cancel gives focus back to the Lock button.
      button(el, 'cancel')!.click();
      await waitUntil(() => !passphrases(el).length);
      await el.updateComplete;
      expect(deepActive()).to.equal(button(el, 'lock'));

      // So does Escape, from the passphrase field.
      button(el, 'lock')!.click();
      await waitUntil(() => passphrases(el).length === 2);
      passphrases(el)[0].focus();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !passphrases(el).length, 'Escape closes the form');
      await el.updateComplete;
      expect(deepActive()).to.equal(button(el, 'lock'));
    });

    it('once locked, no storage key ever holds the answers, and the journal shows only Unlock and the prompts', async () => {
      const el = await journal();
      const writes = recordWrites();
      try {
        write(fields(el)[0], SECRET);
        // Saved open first, as any journal does, so the record below is what the lock replaced.
        window.dispatchEvent(new Event('pagehide'));
        await lockWith(el);
        expect(everything()).not.to.include(SECRET);
        expect(isLocked(sessionStorage.getItem(KEY))).to.equal(true);
        const since = writes.values.length;
        // Whatever happens next (a hidden tab, a flush, the element leaving), nothing open is written.
        window.dispatchEvent(new Event('pagehide'));
        document.dispatchEvent(new Event('visibilitychange'));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(writes.values.slice(since).join('\n')).not.to.include(SECRET);
      } finally {
        writes.restore();
      }
      expect(writes.values.filter((value) => value.includes(SECRET)), 'the words were written open before the lock only').to.have.length.greaterThan(0);
      expect(writes.values.at(-1)).to.match(/^gentle-widgets:journal-prompts:lock-test=\{"v":1,"lock":/);

      expect(fields(el)).to.have.length(0);
      expect([...el.shadowRoot!.querySelectorAll('[part="actions"]:not([hidden]) button')].map(text)).to.deep.equal([en.unlock]);
      // The prompts as text, then the invitation (slotted from the light DOM): no fields, no labels of fields.
      expect([...el.shadowRoot!.querySelectorAll('[part="prompt"]')].map(text)).to.deep.equal([...PROMPTS, '']);
      expect($<HTMLSlotElement>(el, 'slot[name="invitation"]')!.assignedElements()).to.have.length(1);
      expect(text($(el, '[part="status"]'))).to.include(en.locked);
      expect($(el, '[part="storage"]')!.hidden, 'no storage switch while locked').to.equal(true);
      expect(deepActive(), 'focus on Unlock').to.equal(button(el, 'unlock'));
      expect(el.shadowRoot!.textContent).not.to.include(SECRET);
      await expect(el).to.be.accessible();
    });

    it('after a reload it asks for the passphrase; a wrong one is refused calmly, the right one opens the answers', async () => {
      await lockWith(await journal());
      fixtureCleanup();

      const el = await journal();
      expect(fields(el), 'reloaded: locked').to.have.length(0);
      button(el, 'unlock')!.click();
      await waitUntil(() => passphrases(el).length === 1, 'the unlock form');
      expect(deepActive()).to.equal(passphrases(el)[0]);
      expect(passphrases(el)[0].autocomplete).to.equal('current-password');

      await submit(el, 'river stones at dawn');
      await waitUntil(() => text($(el, '[part="lock-status"]')) === lockEn.wrong, 'the wrong-passphrase message', { timeout: 10_000 });
      const message = $(el, '[part="lock-status"]')!;
      expect(message.getAttribute('role'), 'polite, never an alert').to.equal('status');
      expect(passphrases(el)[0].value, 'the field is emptied for another try').to.equal('');
      expect(deepActive()).to.equal(passphrases(el)[0]);
      expect(fields(el)).to.have.length(0);
      await expect(el).to.be.accessible();

      await submit(el, PASS);
      await untilFields(el, true);
      expect(fields(el).map((field) => field.value).slice(0, 2)).to.deep.equal([SECRET, 'Rest']);
      expect(deepActive(), 'focus on the first answer').to.equal(fields(el)[0]);
      expect(text($(el, '[part="status"]'))).not.to.include(en.locked);
      expect(text(button(el, 'remove'))).to.equal(lockEn.remove);
      await expect(el).to.be.accessible();
    });

    it('while open, every save is encrypted again with a fresh IV, and the answers never reach storage open', async () => {
      await lockWith(await journal());
      fixtureCleanup();
      const el = await journal();
      await unlockWith(el);

      const records: string[] = [sessionStorage.getItem(KEY)!];
      const writes = recordWrites();
      try {
        for (const words of [LATER, `${LATER}.`, `${LATER}.`]) {
          write(fields(el)[1], words);
          // The tab is hidden: the save happens at once.
          document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
          await waitUntil(() => sessionStorage.getItem(KEY) !== records.at(-1), 'a new record');
          records.push(sessionStorage.getItem(KEY)!);
        }
      } finally {
        writes.restore();
      }
      const sealed = records.map((record) => readSealed(record)!);
      expect(new Set(sealed.map((part) => part.i)).size, 'a fresh IV per write').to.equal(records.length);
      expect(new Set(sealed.map((part) => part.c)).size, 'the ciphertext changes on every save, even of the same words').to.equal(records.length);
      expect(new Set(sealed.map((part) => part.s)).size, 'one salt per lock').to.equal(1);
      expect(writes.values.join('\n')).not.to.include(LATER);
      expect(writes.values.join('\n')).not.to.include(SECRET);
      expect(everything()).not.to.include(LATER);

      // What was written opens with the passphrase and holds the last words.
      const opened = await unseal(records.at(-1)!, PASS, KEY);
      expect(JSON.parse(opened.text).a).to.deep.equal({ [RELEASED]: SECRET, [NEED]: `${LATER}.` });
    });

    it('locks again when the page is left (the back/forward cache must not keep it open), keeping words typed a moment before', async () => {
      await lockWith(await journal());
      fixtureCleanup();
      const el = await journal();
      await unlockWith(el);
      write(fields(el)[1], LATER);
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
      await el.updateComplete;
      expect(fields(el), 'locked').to.have.length(0);
      expect(el.shadowRoot!.textContent).not.to.include(SECRET);
      await waitUntil(async () => JSON.parse((await unseal(sessionStorage.getItem(KEY), PASS, KEY)).text).a[NEED] === LATER, 'the last words, sealed');
      expect(everything()).not.to.include(LATER);
    });

    it('Lock my answers right after typing keeps the words typed; Cancel during the key derivation drops it', async () => {
      const el = await journal();
      await lockWith(el);
      await unlockWith(el);
      write(fields(el)[1], LATER);
      button(el, 'lock')!.click();
      await untilFields(el, false);
      await waitUntil(async () => JSON.parse((await unseal(sessionStorage.getItem(KEY), PASS, KEY)).text).a[NEED] === LATER, 'kept, sealed');

      // The reader presses Unlock, types the passphrase, then Cancel before the key is derived: it stays locked.
      button(el, 'unlock')!.click();
      await waitUntil(() => passphrases(el).length === 1);
      await submit(el, PASS);
      button(el, 'cancel')!.click();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await el.updateComplete;
      expect(fields(el), 'still locked after the derivation ends').to.have.length(0);
      expect(el.shadowRoot!.textContent).not.to.include(SECRET);
    });

    it('copies, downloads and deletes while open; Lock my answers locks again at once', async () => {
      const el = await journal();
      await lockWith(el);
      await unlockWith(el);

      const copied: string[] = [];
      const restore = stub(navigator, 'clipboard', { writeText: async (value: string) => void copied.push(value) } as Clipboard);
      try {
        expect(await el.copy()).to.equal(true);
      } finally {
        restore();
      }
      expect(copied[0]).to.include(SECRET);

      button(el, 'lock')!.click();
      await untilFields(el, false);
      expect(el.shadowRoot!.textContent).not.to.include(SECRET);
      expect(isLocked(sessionStorage.getItem(KEY))).to.equal(true);

      // Forgotten: the reader may delete the locked answers and start again.
      button(el, 'unlock')!.click();
      await waitUntil(() => passphrases(el).length === 1);
      const restoreConfirm = stub(window, 'confirm', () => true);
      try {
        button(el, 'forgot')!.click();
      } finally {
        restoreConfirm();
      }
      await untilFields(el, true);
      expect(sessionStorage.getItem(KEY)).to.equal(null);
      await el.updateComplete;
      expect(deepActive(), 'focus on Lock, not lost').to.equal(button(el, 'lock'));
      expect(fields(el).every((field) => !field.value)).to.equal(true);
      expect(text(button(el, 'lock'))).to.equal(en.lock);
    });

    it('removing the lock stores the answers open again, as before', async () => {
      const el = await journal('storage="local"');
      await lockWith(el);
      expect(isLocked(localStorage.getItem(KEY))).to.equal(true);
      await unlockWith(el);
      button(el, 'remove')!.click();
      await waitUntil(() => !isLocked(localStorage.getItem(KEY)), 'stored open');
      expect(JSON.parse(localStorage.getItem(KEY)!).a[RELEASED]).to.equal(SECRET);
      expect(button(el, 'remove')).to.equal(null);
      expect(fields(el)[0].value).to.equal(SECRET);
    });

    it('speaks the nearest language, in the bundle and in the lock\'s own file', async () => {
      const wrapper = await fixture(`<div lang="nl">${markup()}</div>`);
      const el = wrapper.querySelector('journal-prompts')!;
      await waitUntil(() => el.shadowRoot && button(el, 'lock'), 'upgraded in Dutch');
      expect(text(button(el, 'lock'))).to.equal('Mijn antwoorden vergrendelen');
      button(el, 'lock')!.click();
      await waitUntil(() => passphrases(el).length === 2);
      expect(passphrases(el).map((input) => input.labels![0].textContent)).to.deep.equal(['Wachtzin', 'Dezelfde wachtzin nog een keer']);
      expect(text($(el, 'form[part="lock-form"]'))).to.include('Vergeet je hem, dan zijn je antwoorden weg');
    });

    it('lock="off" takes the button away (a lock set earlier still opens); nothing to lock without storage', async () => {
      const shown = (el: Element) => !!button(el, 'lock')?.checkVisibility();
      expect(shown(await journal()), 'shown by default').to.equal(true);
      fixtureCleanup();
      expect(shown(await journal('lock="off"'))).to.equal(false);
      fixtureCleanup();
      expect(shown(await journal('storage="none"'))).to.equal(false);
      fixtureCleanup();
      const warnings = await captureWarnings(() => journal('lock="maybe"'));
      fixtureCleanup();
      expect(warnings).to.deep.equal(['<journal-prompts>: lock="maybe" is unknown; use off to take the lock away. The lock stays.']);

      await lockWith(await journal());
      fixtureCleanup();
      const el = await journal('lock="off"');
      expect(button(el, 'unlock')).not.to.equal(null);
    });
  });

  describe('a quick exit (content-notice-exit)', () => {
    const exit = () => document.dispatchEvent(new Event('content-notice-exit', { bubbles: true }));
    const persisted = () => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));

    it('forgets the answers kept in this tab and empties the fields; nothing is written afterwards', async () => {
      const el = await journal();
      write(fields(el)[0], SECRET);
      exit();
      expect(fields(el).map((field) => field.value).every((value) => !value)).to.equal(true);
      // The save that was waiting is dropped: nothing is written after the exit.
      window.dispatchEvent(new Event('pagehide'));
      expect(everything()).not.to.include(SECRET);
      // Back from the back/forward cache: usable again, and what this tab held is gone.
      persisted();
      await el.updateComplete;
      expect(fields(el).every((field) => !field.value)).to.equal(true);
      write(fields(el)[1], LATER);
      window.dispatchEvent(new Event('pagehide'));
      expect(everything()).to.include(LATER);
    });

    it('keeps answers the reader chose to keep on this device, saving the last words first', async () => {
      const el = await journal('storage="local"');
      write(fields(el)[0], SECRET);
      exit();
      expect(fields(el).every((field) => !field.value)).to.equal(true);
      expect(JSON.parse(localStorage.getItem(KEY)!).a[RELEASED]).to.equal(SECRET);
      persisted();
      await el.updateComplete;
      expect(fields(el)[0].value).to.equal(SECRET);
    });

    it('locks an open journal again: the key is forgotten', async () => {
      const el = await journal('storage="local"');
      await lockWith(el);
      await unlockWith(el);
      write(fields(el)[1], LATER);
      exit();
      expect(fields(el).every((field) => !field.value)).to.equal(true);
      await el.updateComplete;
      expect(fields(el), 'locked').to.have.length(0);
      // The last words were sealed before the key went.
      await waitUntil(async () => JSON.parse((await unseal(localStorage.getItem(KEY), PASS, KEY)).text).a[NEED] === LATER, 'sealed', { timeout: 10_000 });
      persisted();
      await el.updateComplete;
      expect(fields(el), 'still locked after the page comes back').to.have.length(0);
      expect(button(el, 'unlock')).not.to.equal(null);
    });
  });
});
