import { aTimeout, expect, fixture, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { JournalPromptsElement } from '../src/journal-prompts.js';
import nlStrings from '../src/locales/nl.js';
import { keys, strings, type JournalPromptsString } from '../src/journal-prompts/strings.js';
import { hashText } from '../src/shared/storage.js';
import { blockStorage, captureWarnings, isRendered, stub } from './helpers.js';

// The seed article's "3. Reflect afterwards": its lead-in, three prompts and the invitation.
const LEAD = 'Here are a few gentle journaling prompts to support you:';
const PROMPTS = [
  'What was there to be released, and what do I want to do with it?',
  'What is a need I can give more attention to?',
  'What is something nourishing I can give myself right now?',
];
const INVITATION = 'If another question feels more alive for you, follow that. Your body’s wisdom will always lead the way.';
/** Each prompt's field name: a hash of its text. */
const [RELEASED, NEED, NOURISHING] = PROMPTS.map(hashText);

const PREFIX = 'gentle-widgets:journal-prompts:';
/** The documented key: `storage-key`, else the page path and a hash of the prompts. */
const keyOf = (storageKey?: string) => PREFIX + (storageKey ?? `${location.pathname}:${hashText(PROMPTS.join('\n'))}`);
const KEY = keyOf();

const markup = (attributes = '', invitation = true) => `<journal-prompts ${attributes}>
  <p slot="heading">${LEAD}</p>
  <ol>${PROMPTS.map((prompt) => `<li>${prompt}</li>`).join('')}</ol>
  ${invitation ? `<p slot="invitation">${INVITATION}</p>` : ''}
</journal-prompts>`;

const journal = (attributes = '', invitation = true) => fixture<JournalPromptsElement>(markup(attributes, invitation));
/** The first journal inside a fixture that wraps it. */
const inside = async (wrapper: Element) => {
  const el = wrapper.querySelector<JournalPromptsElement>('journal-prompts')!;
  await el.updateComplete;
  return el;
};

const shadow = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const field = (el: Element, name: string) => shadow<HTMLTextAreaElement>(el, `textarea[name="${name}"]`);
const fields = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLTextAreaElement>('textarea')];
const button = (el: Element, name: string) => shadow<HTMLButtonElement>(el, `button[part~="${name}"]`);
const toggle = (el: Element) => shadow<HTMLInputElement>(el, '[part="storage"] input');
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const status = (el: Element) => text(shadow(el, '[part="status"]'));
const counter = (el: Element) => text(shadow(el, '[part="counter"]'));
/** Names a node for assertions: chai's failure message for two DOM nodes can stall the runner. */
const id = (node: Element | null | undefined) =>
  node ? `${node.localName}[part="${node.getAttribute('part') ?? ''}"][name="${node.getAttribute('name') ?? ''}"]` : 'nothing';

/** What a reader's typing (or pasting) does: a new value, then an `input` event. */
const write = (target: HTMLTextAreaElement, value: string) => {
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};
/** The browser hides or closes the tab. */
const pagehide = () => window.dispatchEvent(new Event('pagehide'));
const stored = (storage: Storage, key = KEY) => {
  const raw = storage.getItem(key);
  return raw === null ? null : JSON.parse(raw);
};
const journalKeys = () =>
  [sessionStorage, localStorage].flatMap((storage) => Object.keys(storage).filter((key) => key.startsWith(PREFIX)));

// The status line: where the answers are kept, then "They are never sent anywhere."
const words = (list: string) => Object.fromEntries(list.split('|').map((word, i) => [keys[i], word])) as Record<JournalPromptsString, string>;
const en = words(strings.en);
const nl = words(nlStrings['journal-prompts']);
const line = (where: 'session' | 'local' | 'none' | 'memory') => `${en[where]} They are never sent anywhere.`;
const SESSION_LINE = line('session');
const LOCAL_LINE = line('local');
const MEMORY_LINE = line('memory');

/** The reader's words used throughout: each must stay on the device, never in an event. */
const WORDS = {
  [RELEASED]: 'Old grief from years ago.\nI want to let it go, gently.',
  [NOURISHING]: 'A warm bath — café au lait.',
  q: 'What does my body want to tell me?',
  o: 'Slow down.',
};
const writeAll = (el: Element) => {
  for (const [name, value] of Object.entries(WORDS)) write(field(el, name), value);
};

const today = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};
const longDate = (lang: string) => new Date().toLocaleDateString(lang, { dateStyle: 'long' });

const expectedMarkdown = () =>
  `# ${LEAD}\n\n${longDate('en')}\n\n` +
  `## ${PROMPTS[0]}\n\nOld grief from years ago.\nI want to let it go, gently.\n\n` +
  `## ${PROMPTS[1]}\n\n` +
  `## ${PROMPTS[2]}\n\nA warm bath — café au lait.\n\n` +
  `## What does my body want to tell me?\n\nSlow down.\n`;

const expectedText = () =>
  `${LEAD}\n${longDate('en')}\n\n` +
  `${PROMPTS[0]}\nOld grief from years ago.\nI want to let it go, gently.\n\n` +
  `${PROMPTS[1]}\n\n` +
  `${PROMPTS[2]}\nA warm bath — café au lait.\n\n` +
  `What does my body want to tell me?\nSlow down.\n`;

/** Captures every download: the blob and the file name, without saving a file. */
function captureDownloads() {
  const files: { blob: Blob; name: string }[] = [];
  const blobs: Blob[] = [];
  const restores = [
    stub(URL, 'createObjectURL', (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return `blob:${location.origin}/journal-${blobs.length}`;
    }),
    stub(URL, 'revokeObjectURL', () => {}),
    stub(HTMLAnchorElement.prototype, 'click', function (this: HTMLAnchorElement) {
      files.push({ blob: blobs[Number(this.href.split('-').pop()) - 1], name: this.download });
    }),
  ];
  return { files, restore: () => restores.forEach((restore) => restore()) };
}

const bytes = async (blob: Blob) => [...new Uint8Array(await blob.arrayBuffer())];
const utf8 = (value: string) => [...new TextEncoder().encode(value)];

describe('<journal-prompts>', () => {
  afterEach(() => {
    // Removing the fixtures flushes pending saves, so storage is cleared only after them.
    fixtureCleanup();
    sessionStorage.clear();
    localStorage.clear();
  });

  describe('renders from its light DOM', () => {
    it('gives every <li> a field labelled by the prompt, and the invitation a question and an answer field last', async () => {
      const el = await journal();
      const items = [...el.shadowRoot!.querySelectorAll('li[part="prompt"]')];
      expect(items).to.have.length(4);
      expect(fields(el).map((f) => f.name)).to.deep.equal([RELEASED, NEED, NOURISHING, 'q', 'o']);
      PROMPTS.forEach((prompt, i) => {
        const answer = items[i].querySelector<HTMLTextAreaElement>('textarea[part="answer"]')!;
        const label = items[i].querySelector<HTMLLabelElement>('label[part="label"]')!;
        expect(text(label)).to.equal(prompt);
        expect(label.htmlFor).to.equal(answer.id);
        expect(answer.labels!.length).to.equal(1);
        expect(answer.labels![0] === label, 'the prompt labels its field').to.equal(true);
        expect(isRendered(answer)).to.equal(true);
      });

      const own = items[3];
      expect(el.querySelector('[slot="invitation"]')!.assignedSlot === own.querySelector('slot[name="invitation"]'), 'invitation in the last item').to.equal(true);
      expect(isRendered(el.querySelector('[slot="invitation"]')!)).to.equal(true);
      const question = own.querySelector<HTMLTextAreaElement>('textarea[part="question"]')!;
      const answer = own.querySelector<HTMLTextAreaElement>('textarea[part="answer"]')!;
      expect([question.name, answer.name]).to.deep.equal(['q', 'o']);
      expect(text(question.labels![0])).to.equal('Your own question');
      expect(text(answer.labels![0])).to.equal('Your answer');

      const heading = el.querySelector('[slot="heading"]')!;
      expect(heading.assignedSlot === shadow(el, '[part="heading"] slot'), 'heading slotted').to.equal(true);
      expect(isRendered(heading)).to.equal(true);
      // The light-DOM list is the fallback: once upgraded, each prompt shows once, as a label.
      expect(isRendered(el.querySelector('li')!)).to.equal(false);
      expect([...el.shadowRoot!.querySelectorAll('[part="actions"] button')].map(text)).to.deep.equal([en.copy, en.markdown, en.text, en.print, en.delete, en.lock]);
      expect(text(button(el, 'lock').parentElement), 'the lock on a row of its own').to.equal(en.lock);
      expect(text(button(el, 'delete'))).to.equal('Delete my answers');
      expect(isRendered(shadow(el, '[part="nav"]')), 'no steps navigation in the list layout').to.equal(false);
      expect(text(toggle(el).closest('label'))).to.equal('Keep my answers on this device');
      expect(toggle(el).getAttribute('role')).to.equal('switch');
      expect(shadow(el, '[part="status"]').getAttribute('role')).to.equal('status');
      expect(status(el)).to.equal(SESSION_LINE);
    });

    it('takes one prompt per <p> when there is no list, and has no own-question field without an invitation', async () => {
      const el = await fixture<JournalPromptsElement>(`<journal-prompts>
        ${PROMPTS.map((prompt) => `<p>${prompt}</p>`).join('\n')}
      </journal-prompts>`);
      expect(fields(el).map((f) => f.name)).to.deep.equal([RELEASED, NEED, NOURISHING]);
      expect(fields(el).map((f) => text(f.labels![0]))).to.deep.equal(PROMPTS);
      expect(id(el.shadowRoot!.querySelector('[part="question"]'))).to.equal('nothing');
    });

    it('without prompts or invitation, shows its content as written, with no fields and no buttons, and warns', async () => {
      let el!: JournalPromptsElement;
      const warnings = await captureWarnings(async () => {
        el = await fixture<JournalPromptsElement>(
          `<journal-prompts><p slot="heading">${LEAD}</p><div id="content"><ol><li>${PROMPTS[0]}</li></ol></div></journal-prompts>`,
        );
      });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^<journal-prompts>: .*\bprompts\b/);
      expect(el.shadowRoot!.querySelectorAll('textarea, button, input')).to.have.length(0);
      expect([...el.shadowRoot!.children].map((child) => `${child.localName}:${child.getAttribute('name') ?? ''}`)).to.deep.equal(['slot:heading', 'slot:']);
      expect(isRendered(el.querySelector('li')!)).to.equal(true);
      expect(isRendered(el.querySelector('[slot="heading"]')!), 'the heading stays').to.equal(true);
    });
  });

  describe('is accessible', () => {
    it('empty, written, and after delete', async () => {
      const el = await journal();
      await expect(el).to.be.accessible();
      writeAll(el);
      await expect(el).to.be.accessible();
      const restore = stub(window, 'confirm', () => true);
      try {
        button(el, 'delete').click();
      } finally {
        restore();
      }
      await el.updateComplete;
      expect(status(el)).to.contain('Your answers are deleted.');
      await expect(el).to.be.accessible();
    });

    it('in steps: first, middle and last step', async () => {
      const el = await journal('layout="steps"');
      await expect(el).to.be.accessible();
      el.step = 1;
      await el.updateComplete;
      await expect(el).to.be.accessible();
      el.step = 3;
      await el.updateComplete;
      expect(counter(el)).to.equal('4 of 4');
      await expect(el).to.be.accessible();
    });

    it('with storage locked, with storage="none", and with storage blocked', async () => {
      await expect(await journal('storage-locked')).to.be.accessible();
      await expect(await journal('storage="none" storage-key="none"')).to.be.accessible();
      const restores = [blockStorage('sessionStorage'), blockStorage('localStorage')];
      try {
        let el!: JournalPromptsElement;
        await captureWarnings(async () => {
          el = await journal('storage-key="blocked"');
        });
        expect(status(el)).to.equal(MEMORY_LINE);
        await expect(el).to.be.accessible();
      } finally {
        restores.forEach((restore) => restore());
      }
    });

    it('in Dutch', async () => {
      const wrapper = await fixture(`<div lang="nl">${markup('layout="steps"')}</div>`);
      const el = await inside(wrapper);
      expect(text(field(el, 'q').labels![0])).to.equal(nl.question);
      expect(nl.question).to.match(/vraag/);
      expect(text(field(el, 'o').labels![0])).to.equal(nl.answer);
      expect(nl.answer).to.match(/antwoord/);
      expect(text(button(el, 'copy'))).to.equal(nl.copy);
      expect(nl.copy).to.match(/kopi/);
      expect(text(button(el, 'next'))).to.equal(nl.next);
      expect(counter(el)).to.equal('1 van 4');
      expect(text(toggle(el).closest('label'))).to.equal(nl.keep);
      expect(nl.keep).to.match(/bewaren/);
      expect(status(el)).to.equal(`${nl.session} ${nl.never}`);
      expect(status(el)).not.to.contain('answers');
      await expect(el).to.be.accessible();
    });
  });

  describe('attributes and properties', () => {
    it('reads its attributes, and reflects layout', async () => {
      const el = await journal('layout="steps" storage="local" storage-key="reflect" storage-locked');
      expect([el.layout, el.storage, el.storageKey, el.storageLocked]).to.deep.equal(['steps', 'local', 'reflect', true]);
      expect(isRendered(shadow(el, '[part="storage"]')), 'storage-locked hides the switch').to.equal(false);

      el.layout = 'list';
      await el.updateComplete;
      expect(el.getAttribute('layout')).to.equal('list');
      expect(isRendered(shadow(el, '[part="nav"]'))).to.equal(false);
      expect(fields(el).every(isRendered)).to.equal(true);

      el.removeAttribute('storage-locked');
      await el.updateComplete;
      expect(el.storageLocked).to.equal(false);
      expect(isRendered(shadow(el, '[part="storage"]'))).to.equal(true);
      expect(toggle(el).checked, 'storage="local": the switch is on').to.equal(true);

      el.setAttribute('storage', 'session');
      el.setAttribute('storage-key', 'other');
      expect([el.storage, el.storageKey]).to.deep.equal(['session', 'other']);
    });

    it('keeps step within the steps there are', async () => {
      const el = await journal('layout="steps"');
      el.step = 10;
      await el.updateComplete;
      expect([el.step, counter(el)]).to.deep.equal([3, '4 of 4']);
      el.step = -2;
      await el.updateComplete;
      expect([el.step, counter(el)]).to.deep.equal([0, '1 of 4']);
    });

    it('lets every label be overridden by a <key>-label attribute, step-label with {i} and {n}', async () => {
      const el = await journal(
        'layout="steps" step-label="Step {i} of {n}" copy-label="Copy my answers" question-label="My question" keep-label="Remember on this device" never-label="Nothing leaves this page."',
      );
      expect(counter(el)).to.equal('Step 1 of 4');
      expect(text(button(el, 'copy'))).to.equal('Copy my answers');
      expect(text(field(el, 'q').labels![0])).to.equal('My question');
      expect(text(toggle(el).closest('label'))).to.equal('Remember on this device');
      expect(status(el)).to.equal(`${en.session} Nothing leaves this page.`);

      el.step = 2;
      el.setAttribute('next-label', 'Onwards');
      await el.updateComplete;
      expect(counter(el)).to.equal('Step 3 of 4');
      expect(text(button(el, 'next'))).to.equal('Onwards');
    });
  });

  describe('storage', () => {
    it('saves to sessionStorage after a pause in typing, under the documented key, and reads it back on reload', async function () {
      this.timeout(6000);
      const el = await journal();
      field(el, RELEASED).focus();
      await sendKeys({ type: 'Old grief' });
      expect(sessionStorage.getItem(KEY), 'not yet: the reader is still typing').to.equal(null);
      await aTimeout(1100);
      expect(sessionStorage.getItem(KEY)).to.equal(JSON.stringify({ v: 1, a: { [RELEASED]: 'Old grief' } }));
      expect(localStorage.getItem(KEY)).to.equal(null);

      el.remove();
      const again = await journal();
      expect(field(again, RELEASED).value).to.equal('Old grief');
      expect(fields(again).filter((f) => f.value)).to.have.length(1);
    });

    it('counts unreadable stored data as nothing stored', async () => {
      for (const raw of ['not json', JSON.stringify({ v: 2, a: { [RELEASED]: 'From a future version' } }), '{"v":1,"a":"text"}']) {
        sessionStorage.setItem(KEY, raw);
        const el = await journal();
        expect(fields(el).map((f) => f.value).join(''), raw).to.equal('');
        expect(status(el)).to.equal(SESSION_LINE);
        write(field(el, NEED), 'Rest.');
        pagehide();
        expect(stored(sessionStorage), 'the first save replaces it').to.deep.equal({ v: 1, a: { [NEED]: 'Rest.' } });
        el.remove();
      }
    });

    it('the switch moves the answers to this device and back, removing the old copy', async () => {
      const el = await journal();
      writeAll(el);
      pagehide();
      expect(stored(sessionStorage)).to.deep.equal({ v: 1, a: WORDS });

      setTimeout(() => toggle(el).click());
      const saved = await oneEvent(el, 'journal-prompts-save');
      expect(saved.detail).to.deep.equal({ storage: 'local' });
      await el.updateComplete;
      expect(stored(localStorage)).to.deep.equal({ v: 1, a: WORDS });
      expect(sessionStorage.getItem(KEY)).to.equal(null);
      expect(status(el)).to.equal(LOCAL_LINE);

      // A fresh journal (a reload, or the next visit) finds them where the reader moved them.
      el.remove();
      const again = await journal();
      expect(toggle(again).checked).to.equal(true);
      expect(status(again)).to.equal(LOCAL_LINE);
      expect(Object.fromEntries(fields(again).filter((f) => f.value).map((f) => [f.name, f.value]))).to.deep.equal(WORDS);

      toggle(again).click();
      await again.updateComplete;
      expect(stored(sessionStorage)).to.deep.equal({ v: 1, a: WORDS });
      expect(localStorage.getItem(KEY)).to.equal(null);
      expect(status(again)).to.equal(SESSION_LINE);
    });

    it('the switch is remembered even before anything is written', async () => {
      const el = await journal();
      toggle(el).click();
      await el.updateComplete;
      expect(stored(localStorage)).to.deep.equal({ v: 1, a: {} });
      el.remove();
      const again = await journal();
      expect(toggle(again).checked, 'the reader chose this device').to.equal(true);
      expect(status(again)).to.equal(LOCAL_LINE);
    });

    it('typing after an action clears that action’s message from the status line', async () => {
      const el = await journal();
      write(field(el, RELEASED), 'Old grief.');
      el.clear();
      await el.updateComplete;
      expect(status(el)).to.equal(`${SESSION_LINE} Your answers are deleted.`);
      write(field(el, NEED), 'Rest.');
      await el.updateComplete;
      expect(status(el)).to.equal(SESSION_LINE);
    });

    it('storage-locked ignores answers in the other area', async () => {
      localStorage.setItem(KEY, JSON.stringify({ v: 1, a: { [RELEASED]: 'Kept on this device' } }));
      const el = await journal('storage-locked');
      expect(field(el, RELEASED).value).to.equal('');
      write(field(el, NEED), 'Rest.');
      pagehide();
      expect(stored(sessionStorage)).to.deep.equal({ v: 1, a: { [NEED]: 'Rest.' } });
      expect(stored(localStorage)).to.deep.equal({ v: 1, a: { [RELEASED]: 'Kept on this device' } });

      el.remove();
      const unlocked = await journal();
      expect(field(unlocked, RELEASED).value, 'unlocked, a journal with nothing here does look there').to.equal('');
      expect(field(unlocked, NEED).value, 'but answers in its own area come first').to.equal('Rest.');
    });

    it('storage="none" writes nothing anywhere', async () => {
      const el = await journal('storage="none"');
      let saves = 0;
      el.addEventListener('journal-prompts-save', () => saves++);
      expect(status(el)).to.equal(line('none'));
      expect(isRendered(shadow(el, '[part="storage"]')), 'no switch').to.equal(false);
      writeAll(el);
      pagehide();
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      el.remove();
      expect(journalKeys()).to.deep.equal([]);
      expect(saves).to.equal(0);
    });

    it('storage="local" and storage-key choose the area and the key', async () => {
      const el = await journal('storage="local" storage-key="reflect-afterwards"');
      expect(toggle(el).checked).to.equal(true);
      write(field(el, RELEASED), 'Mine.');
      pagehide();
      expect(journalKeys()).to.deep.equal([`${PREFIX}reflect-afterwards`]);
      expect(stored(localStorage, `${PREFIX}reflect-afterwards`)).to.deep.equal({ v: 1, a: { [RELEASED]: 'Mine.' } });
    });

    it('pagehide and visibilitychange save at once', async () => {
      const el = await journal();
      write(field(el, RELEASED), 'Before the tab closes.');
      expect(sessionStorage.getItem(KEY)).to.equal(null);
      pagehide();
      expect(stored(sessionStorage)).to.deep.equal({ v: 1, a: { [RELEASED]: 'Before the tab closes.' } });

      write(field(el, NEED), 'Before the tab hides.');
      expect(stored(sessionStorage).a[NEED]).to.equal(undefined);
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      expect(stored(sessionStorage).a[NEED]).to.equal('Before the tab hides.');
    });

    it("takes another tab's answers from a storage event, unless the reader is typing here", async () => {
      const el = await journal('storage="local"');
      const fromOtherTab = (a: Record<string, string>, key = KEY) => {
        const newValue = JSON.stringify({ v: 1, a });
        localStorage.setItem(key, newValue);
        window.dispatchEvent(new StorageEvent('storage', { key, newValue, storageArea: localStorage }));
      };
      fromOtherTab({ [RELEASED]: 'Written in the other tab.' });
      await el.updateComplete;
      expect(field(el, RELEASED).value).to.equal('Written in the other tab.');

      fromOtherTab({ [RELEASED]: 'Another journal.' }, `${PREFIX}another`);
      await el.updateComplete;
      expect(field(el, RELEASED).value).to.equal('Written in the other tab.');

      write(field(el, NEED), 'Typed here, not saved yet.');
      fromOtherTab({ [RELEASED]: 'Changed in the other tab again.' });
      await el.updateComplete;
      expect(field(el, NEED).value).to.equal('Typed here, not saved yet.');
      expect(field(el, RELEASED).value).to.equal('Written in the other tab.');
      pagehide();
      expect(stored(localStorage).a[NEED]).to.equal('Typed here, not saved yet.');
    });

    it('a journal kept in this tab ignores storage events: no other tab shares its answers', async () => {
      const el = await journal();
      const newValue = JSON.stringify({ v: 1, a: { [RELEASED]: 'Not mine.' } });
      window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue, storageArea: localStorage }));
      await el.updateComplete;
      expect(field(el, RELEASED).value).to.equal('');
    });

    it('blocked storage: keeps every word in memory, says so, warns once', async () => {
      const restores = [blockStorage('sessionStorage'), blockStorage('localStorage')];
      const { files, restore } = captureDownloads();
      try {
        let el!: JournalPromptsElement;
        const warnings = await captureWarnings(async () => {
          el = await journal();
          writeAll(el);
          pagehide();
          write(field(el, NEED), 'Still here.');
          await aTimeout(500);
          await el.updateComplete;
        });
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.match(/^<journal-prompts>: .*\bblock/);
        expect(status(el)).to.equal(MEMORY_LINE);
        expect(isRendered(shadow(el, '[part="storage"]')), 'no switch when nothing can be kept').to.equal(false);
        for (const [name, value] of Object.entries(WORDS)) expect(field(el, name).value).to.equal(value);
        button(el, 'markdown').click();
        await waitUntil(() => files.length === 1);
        const exported = await files[0].blob.text();
        for (const value of [...Object.values(WORDS), 'Still here.']) expect(exported).to.contain(value);
      } finally {
        restore();
        restores.forEach((r) => r());
      }
    });

    it('full storage: warns once, keeps the words in memory, and saves again once storage has room', async () => {
      const el = await journal();
      const restore = stub(Storage.prototype, 'setItem', () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      let restored = false;
      try {
        const warnings = await captureWarnings(async () => {
          write(field(el, RELEASED), 'Old grief.');
          pagehide();
          write(field(el, NEED), 'Rest.');
          pagehide();
          await el.updateComplete;
        });
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.match(/^<journal-prompts>: .*\bfull\b/);
        expect(status(el)).to.equal(MEMORY_LINE);
        expect(field(el, RELEASED).value).to.equal('Old grief.');
        expect(sessionStorage.getItem(KEY)).to.equal(null);

        restore();
        restored = true;
        write(field(el, NOURISHING), 'A walk.');
        pagehide();
        await el.updateComplete;
        expect(stored(sessionStorage)).to.deep.equal({ v: 1, a: { [RELEASED]: 'Old grief.', [NEED]: 'Rest.', [NOURISHING]: 'A walk.' } });
        expect(status(el)).to.equal(SESSION_LINE);
      } finally {
        if (!restored) restore();
      }
    });

    it('full storage: Delete my answers still removes the stored copy', async () => {
      sessionStorage.setItem(KEY, JSON.stringify({ v: 1, a: { [RELEASED]: 'Old grief.' } }));
      const el = await journal();
      const restore = stub(Storage.prototype, 'setItem', () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      try {
        await captureWarnings(() => el.clear());
      } finally {
        restore();
      }
      expect(sessionStorage.getItem(KEY), 'still on the device after "Your answers are deleted."').to.equal(null);
    });

    it('full storage: a reload still shows the stored answers', async () => {
      sessionStorage.setItem(KEY, JSON.stringify({ v: 1, a: { [RELEASED]: 'Old grief.' } }));
      const restore = stub(Storage.prototype, 'setItem', () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      });
      let el!: JournalPromptsElement;
      try {
        const warnings = await captureWarnings(async () => {
          el = await journal();
        });
        expect(warnings, 'nothing is refused until a write is').to.deep.equal([]);
      } finally {
        restore();
      }
      expect(field(el, RELEASED).value).to.equal('Old grief.');
    });

    it('writes at most twice a second while the reader types ten characters a second', async function () {
      this.timeout(8000);
      const el = await journal();
      const answer = field(el, RELEASED);
      const writes: number[] = [];
      const setItem = Storage.prototype.setItem;
      const restore = stub(Storage.prototype, 'setItem', function (this: Storage, key: string, value: string) {
        if (key === KEY) writes.push(performance.now());
        setItem.call(this, key, value);
      });
      try {
        const start = performance.now();
        for (let i = 0; i < 30; i++) {
          write(answer, answer.value + 'abcdefghij'[i % 10]);
          await aTimeout(100);
        }
        const seconds = (performance.now() - start) / 1000;
        expect(writes.length, 'saves while typing, so a crash loses at most a second').to.be.at.least(2);
        expect(writes.length / seconds).to.be.at.most(2);
        for (const at of writes) expect(writes.filter((t) => t >= at && t < at + 1000).length).to.be.at.most(2);
        await aTimeout(500);
        expect(stored(sessionStorage).a[RELEASED]).to.have.length(30);
      } finally {
        restore();
      }
    });
  });

  describe('events', () => {
    it('save, export and clear carry only where and how, bubble, are composed, and never hold answer text', async () => {
      const el = await journal();
      const events: CustomEvent[] = [];
      const names = ['journal-prompts-save', 'journal-prompts-export', 'journal-prompts-clear'];
      const listen = (event: Event) => events.push(event as CustomEvent);
      for (const name of names) document.addEventListener(name, listen);
      const { restore } = captureDownloads();
      const restores = [
        restore,
        stub(navigator.clipboard, 'writeText', async () => {}),
        stub(window, 'print', () => {}),
        stub(window, 'confirm', () => true),
      ];
      try {
        field(el, RELEASED).focus();
        await sendKeys({ type: 'Old grief' });
        write(field(el, 'q'), WORDS.q);
        write(field(el, 'o'), WORDS.o);
        pagehide();
        await el.copy();
        // Each button's export runs once the export code is here; the next waits for it.
        for (const [action, count] of [['markdown', 3], ['text', 4], ['print', 5], ['delete', 6]] as const) {
          button(el, action).click();
          await waitUntil(() => events.length === count, `${action} fired no event`);
        }
      } finally {
        restores.forEach((r) => r());
        for (const name of names) document.removeEventListener(name, listen);
      }
      expect(events.map((event) => [event.type, event.detail])).to.deep.equal([
        ['journal-prompts-save', { storage: 'session' }],
        ['journal-prompts-export', { format: 'clipboard' }],
        ['journal-prompts-export', { format: 'markdown' }],
        ['journal-prompts-export', { format: 'text' }],
        ['journal-prompts-export', { format: 'print' }],
        ['journal-prompts-clear', {}],
      ]);
      for (const event of events) {
        expect(event.bubbles && event.composed, event.type).to.equal(true);
        const json = JSON.stringify(event.detail);
        for (const word of ['Old', 'grief', 'body', 'Slow']) expect(json, event.type).not.to.contain(word);
      }
    });
  });

  describe('actions', () => {
    it('copy: the exact plain text through the Clipboard API', async () => {
      const el = await journal();
      writeAll(el);
      const copied: string[] = [];
      const restore = stub(navigator.clipboard, 'writeText', async (value: string) => {
        copied.push(value);
      });
      try {
        button(el, 'copy').click();
        await waitUntil(() => status(el).endsWith('Copied.'));
      } finally {
        restore();
      }
      expect(copied).to.deep.equal([expectedText()]);
      expect(status(el)).to.equal(`${SESSION_LINE} Copied.`);
    });

    it('copy without the Clipboard API: selects the text for execCommand, and focus returns to the button', async () => {
      const el = await journal();
      writeAll(el);
      const commands: { command: string; selected: string }[] = [];
      const restores = [
        stub(navigator.clipboard, 'writeText', () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'))),
        stub(document, 'execCommand', (command: string) => {
          const copy = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea[readonly]') ?? document.querySelector<HTMLTextAreaElement>('textarea[readonly]');
          commands.push({ command, selected: copy ? copy.value.slice(copy.selectionStart, copy.selectionEnd) : String(getSelection()) });
          return true;
        }),
      ];
      try {
        button(el, 'copy').focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => commands.length > 0);
        await el.updateComplete;
      } finally {
        restores.forEach((r) => r());
      }
      expect(commands).to.deep.equal([{ command: 'copy', selected: expectedText() }]);
      expect(id(el.shadowRoot!.activeElement)).to.equal(id(button(el, 'copy')));
      expect(el.shadowRoot!.querySelectorAll('textarea').length, 'the helper field is gone').to.equal(5);
      expect(status(el)).to.equal(`${SESSION_LINE} Copied.`);
    });

    it('copy that fails everywhere says so and fires no export event', async () => {
      const el = await journal();
      let exports = 0;
      el.addEventListener('journal-prompts-export', () => exports++);
      const restores = [stub(navigator, 'clipboard', undefined as unknown as Clipboard), stub(document, 'execCommand', () => false)];
      try {
        expect(await el.copy()).to.equal(false);
      } finally {
        restores.forEach((r) => r());
      }
      await el.updateComplete;
      expect(exports).to.equal(0);
      expect(status(el)).to.equal(`${SESSION_LINE} Could not copy.`);
    });

    it('downloads the exact Markdown and text, dated, as journal-YYYY-MM-DD.md and .txt', async () => {
      const el = await journal();
      writeAll(el);
      const { files, restore } = captureDownloads();
      try {
        button(el, 'markdown').click();
        await waitUntil(() => files.length === 1);
        button(el, 'text').click();
        await waitUntil(() => files.length === 2);
      } finally {
        restore();
      }
      expect(files.map((file) => file.name)).to.deep.equal([`journal-${today()}.md`, `journal-${today()}.txt`]);
      expect(files.map((file) => file.blob.type)).to.deep.equal(['text/markdown;charset=utf-8', 'text/plain;charset=utf-8']);
      expect(await bytes(files[0].blob)).to.deep.equal(utf8(expectedMarkdown()));
      expect(await bytes(files[1].blob)).to.deep.equal(utf8(expectedText()));
      await el.updateComplete;
      expect(status(el)).to.equal(`${SESSION_LINE} Downloaded.`);
    });

    it("exports the reader's own question even before it is answered", async () => {
      const el = await journal();
      write(field(el, 'q'), WORDS.q);
      const copied: string[] = [];
      const restore = stub(navigator.clipboard, 'writeText', async (value: string) => {
        copied.push(value);
      });
      try {
        await el.copy();
      } finally {
        restore();
      }
      expect(copied).to.deep.equal([`${LEAD}\n${longDate('en')}\n\n${PROMPTS.join('\n\n')}\n\n${WORDS.q}\n`]);
    });

    it('dates a Dutch download in Dutch', async () => {
      const wrapper = await fixture(`<div lang="nl">${markup()}</div>`);
      const el = await inside(wrapper);
      const { files, restore } = captureDownloads();
      try {
        expect(await el.download('text')).to.equal(true);
      } finally {
        restore();
      }
      expect((await files[0].blob.text()).split('\n').slice(0, 2)).to.deep.equal([LEAD, longDate('nl')]);
      expect(longDate('nl')).to.match(/^\d+ [a-z]+ \d{4}$/);
    });

    it('print: prints the journal alone, flagged only during window.print()', async () => {
      const wrapper = await fixture(`<div><p id="rest">The rest of the article.</p>${markup('layout="steps"')}</div>`);
      const el = await inside(wrapper);
      write(field(el, RELEASED), 'Old grief.');
      const during: Record<string, unknown>[] = [];
      await emulateMedia({ media: 'print' });
      const restore = stub(window, 'print', () => {
        during.push({
          flagged: el.hasAttribute('data-journal-printing'),
          stylesheet: document.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('data-journal-printing'))),
          rest: isRendered(wrapper.querySelector('#rest')!),
          heading: isRendered(el.querySelector('[slot="heading"]')!),
          steps: fields(el).every(isRendered),
          buttons: isRendered(button(el, 'copy')),
        });
      });
      try {
        button(el, 'print').click();
        await waitUntil(() => during.length === 1);
      } finally {
        restore();
        await emulateMedia({ media: 'screen' });
      }
      expect(during).to.deep.equal([
        { flagged: true, stylesheet: true, rest: false, heading: true, steps: true, buttons: false },
      ]);
      expect(el.hasAttribute('data-journal-printing')).to.equal(false);
      expect(isRendered(wrapper.querySelector('#rest')!)).to.equal(true);
    });

    it('delete: asks first; no keeps everything, yes empties every field and every stored copy', async () => {
      const el = await journal();
      writeAll(el);
      pagehide();
      localStorage.setItem(KEY, JSON.stringify({ v: 1, a: WORDS }));
      const questions: string[] = [];
      let answer = false;
      let clears = 0;
      el.addEventListener('journal-prompts-clear', () => clears++);
      const restore = stub(window, 'confirm', (question?: string) => {
        questions.push(String(question));
        return answer;
      });
      try {
        button(el, 'delete').click();
        await el.updateComplete;
        expect(questions).to.deep.equal([en.confirm]);
        expect(field(el, RELEASED).value).to.equal(WORDS[RELEASED]);
        expect(journalKeys()).to.have.length(2);
        expect(clears).to.equal(0);

        answer = true;
        button(el, 'delete').click();
        await el.updateComplete;
      } finally {
        restore();
      }
      expect(fields(el).map((f) => f.value)).to.deep.equal(['', '', '', '', '']);
      expect(journalKeys()).to.deep.equal([]);
      expect(clears).to.equal(1);
      expect(status(el)).to.equal(`${SESSION_LINE} Your answers are deleted.`);
      pagehide();
      expect(journalKeys(), 'and nothing comes back').to.deep.equal([]);
    });
  });

  describe('keyboard', () => {
    it('steps: Tab to Next, Enter moves on and focuses the next field; Previous goes back to the words typed', async () => {
      const wrapper = await fixture(`<div><button id="before">Before</button>${markup('layout="steps"')}</div>`);
      const el = await inside(wrapper);
      const active = () => el.shadowRoot!.activeElement;
      expect(counter(el)).to.equal('1 of 4');
      expect(button(el, 'previous').disabled).to.equal(true);
      expect(fields(el).filter(isRendered).map((f) => f.name)).to.deep.equal([RELEASED]);

      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(id(active())).to.equal(id(field(el, RELEASED)));
      await sendKeys({ type: 'Old grief' });
      await sendKeys({ press: 'Tab' });
      expect(id(active()), 'Previous is disabled on the first step, so Tab goes to Next').to.equal(id(button(el, 'next')));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => active() === field(el, NEED), 'focus in step 2');
      expect(counter(el)).to.equal('2 of 4');
      expect(el.step).to.equal(1);
      expect(fields(el).filter(isRendered).map((f) => f.name)).to.deep.equal([NEED]);

      await sendKeys({ press: 'Tab' });
      expect(id(active())).to.equal(id(button(el, 'previous')));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => active() === field(el, RELEASED), 'focus back in step 1');
      expect(counter(el)).to.equal('1 of 4');
      expect(field(el, RELEASED).value).to.equal('Old grief');

      for (const step of ['2 of 4', '3 of 4', '4 of 4']) {
        await sendKeys({ press: 'Tab' });
        if (active() !== button(el, 'next')) await sendKeys({ press: 'Tab' });
        expect(id(active())).to.equal(id(button(el, 'next')));
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => counter(el) === step);
        await waitUntil(() => active()?.localName === 'textarea');
      }
      expect(button(el, 'next').disabled, 'Next is disabled on the last step').to.equal(true);
      expect(id(active()), 'the own-question step is last').to.equal(id(field(el, 'q')));
      expect(fields(el).filter(isRendered).map((f) => f.name)).to.deep.equal(['q', 'o']);
      expect(isRendered(el.querySelector('[slot="invitation"]')!)).to.equal(true);
    });
  });

  describe('bad input', () => {
    it('an unknown layout warns and shows a list', async () => {
      let el!: JournalPromptsElement;
      const warnings = await captureWarnings(async () => {
        el = await journal('layout="carousel"');
      });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^<journal-prompts>: .*layout.*carousel|^<journal-prompts>: .*carousel.*layout/);
      expect(fields(el).every(isRendered)).to.equal(true);
      expect(isRendered(shadow(el, '[part="nav"]'))).to.equal(false);
    });

    it('an unknown storage warns and keeps the answers for this tab', async () => {
      let el!: JournalPromptsElement;
      const warnings = await captureWarnings(async () => {
        el = await journal('storage="cloud"');
      });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^<journal-prompts>: .*storage.*cloud|^<journal-prompts>: .*cloud.*storage/);
      expect(status(el)).to.equal(SESSION_LINE);
      write(field(el, RELEASED), 'Mine.');
      pagehide();
      expect(stored(sessionStorage)).to.deep.equal({ v: 1, a: { [RELEASED]: 'Mine.' } });
      expect(localStorage.length).to.equal(0);
    });

    it('two journals with one storage-key: the second warns and saves under #2; each keeps its own words', async () => {
      const key = keyOf('reflect');
      const twice = `<div>${markup('storage-key="reflect"')}${markup('storage-key="reflect"')}</div>`;
      let wrapper!: Element;
      const warnings = await captureWarnings(async () => {
        wrapper = await fixture(twice);
      });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^<journal-prompts>: /);
      expect(warnings[0], 'names the key it saves under').to.contain(`${key}#2`);
      const [first, second] = wrapper.querySelectorAll('journal-prompts');
      write(field(first, RELEASED), 'First journal.');
      write(field(second, RELEASED), 'Second journal.');
      pagehide();
      expect(stored(sessionStorage, key).a[RELEASED]).to.equal('First journal.');
      expect(stored(sessionStorage, `${key}#2`).a[RELEASED]).to.equal('Second journal.');

      wrapper.remove();
      let again!: Element;
      const reloaded = await captureWarnings(async () => {
        again = await fixture(twice);
      });
      expect(reloaded, 'the same warning after a reload').to.have.length(1);
      const [one, two] = [...again.querySelectorAll<JournalPromptsElement>('journal-prompts')];
      await Promise.all([one.updateComplete, two.updateComplete]);
      expect([field(one, RELEASED).value, field(two, RELEASED).value]).to.deep.equal(['First journal.', 'Second journal.']);
    });

    it('200,000 pasted characters: nothing lost, stored and exported whole, the field stays within the screen', async () => {
      await setViewport({ width: 800, height: 600 });
      const el = await journal();
      const long = 'I let it move through me. '.repeat(8000);
      expect(long).to.have.length(208_000);
      const { files, restore } = captureDownloads();
      let warnings: string[] = [];
      try {
        warnings = await captureWarnings(async () => {
          write(field(el, RELEASED), long);
          pagehide();
          await el.updateComplete;
          await el.download('markdown');
        });
      } finally {
        restore();
      }
      expect(warnings).to.deep.equal([]);
      expect(stored(sessionStorage).a[RELEASED]).to.equal(long);
      expect(await files[0].blob.text()).to.contain(`## ${PROMPTS[0]}\n\n${long.trim()}\n\n## ${PROMPTS[1]}`);
      const answer = field(el, RELEASED);
      expect(answer.value).to.equal(long);
      expect(answer.getBoundingClientRect().height).to.be.at.most(600 * 0.7 + 1);
      expect(answer.scrollHeight, 'the rest scrolls inside the field').to.be.greaterThan(answer.clientHeight);
    });
  });

  describe('before definition and registration', () => {
    it('keeps its list readable before it is defined, and upgrades under another name', async () => {
      const wrapper = await fixture(`<div><late-journal>
        <p slot="heading">${LEAD}</p>
        <ol>${PROMPTS.map((prompt) => `<li>${prompt}</li>`).join('')}</ol>
      </late-journal></div>`);
      const late = wrapper.querySelector('late-journal')! as JournalPromptsElement;
      expect(late.shadowRoot === null, 'not upgraded yet').to.equal(true);
      expect([...late.querySelectorAll('li')].map((li) => isRendered(li) && text(li))).to.deep.equal(PROMPTS);

      JournalPromptsElement.define('late-journal');
      expect(customElements.get('late-journal')!.prototype).to.be.instanceOf(JournalPromptsElement);
      await late.updateComplete;
      expect(fields(late).map((f) => text(f.labels![0]))).to.deep.equal(PROMPTS);
    });

    it("a second define() throws nothing; define('my-journal') works", async () => {
      expect(customElements.get('journal-prompts')).to.equal(JournalPromptsElement);
      const warnings = await captureWarnings(() => {
        JournalPromptsElement.define();
        JournalPromptsElement.define('my-journal');
        JournalPromptsElement.define('my-journal');
      });
      expect(warnings).to.deep.equal([]);
      expect(customElements.get('journal-prompts')).to.equal(JournalPromptsElement);
      const el = await fixture<JournalPromptsElement>(`<my-journal storage-key="mine"><ol><li>${PROMPTS[1]}</li></ol></my-journal>`);
      expect(el).to.be.instanceOf(JournalPromptsElement);
      write(field(el, NEED), 'Rest.');
      pagehide();
      expect(stored(sessionStorage, keyOf('mine'))).to.deep.equal({ v: 1, a: { [NEED]: 'Rest.' } });
    });
  });
});
