import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { cdnStylesheet, type EmbedParameters } from '../.storybook/embed.js';
import '../src/journal-prompts.js';
import type {
  JournalPromptsElement,
  JournalPromptsExportDetail,
  JournalPromptsLayout,
  JournalPromptsSaveDetail,
  JournalPromptsStorage,
} from '../src/journal-prompts.js';
import { keys as labelKeys, type JournalPromptsString } from '../src/journal-prompts/strings.js';
import { ITERATIONS, deriveKey, newSalt, seal } from '../src/journal-prompts/lock.js';
import { hashText } from '../src/shared/storage.js';
import preUpgradeCss from '../src/gentle-widgets.css?inline';
import { blockLocalStorage, echoWarnings, inHostileTheme, styleOf, text, withConsole } from './helpers.js';

/** An action from the Actions panel; it logs the event's `detail` (a whole event serialises as `{}`). */
type Action = (detail: unknown) => void;
const logTo = (action?: Action) => action && ((event: Event) => action((event as CustomEvent).detail));

/** The UI strings a site owner can replace, each through its `<key>-label` attribute. */
type LabelAttribute = `${JournalPromptsString}-label`;

/** The attributes a site owner can write, the custom properties, and the event actions. */
type JournalArgs = {
  layout?: JournalPromptsLayout;
  storage?: JournalPromptsStorage;
  'storage-key'?: string;
  'storage-locked'?: boolean;
  lock?: 'on' | 'off';
  onJournalPromptsSave?: (detail: JournalPromptsSaveDetail) => void;
  onJournalPromptsExport?: (detail: JournalPromptsExportDetail) => void;
  onJournalPromptsClear?: (detail: Record<string, never>) => void;
  [customProperty: `--${string}`]: string | undefined;
} & { [label in LabelAttribute]?: string };

// Records, so the compiler fails here when a layout or a storage area is added to the element.
const layouts: Record<JournalPromptsLayout, true> = { list: true, steps: true };
const areas: Record<JournalPromptsStorage, true> = { session: true, local: true, none: true };

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The `<key>-label` attributes the args set, written out (twenty-one bindings would say less). */
const labelAttributes = (args: JournalArgs) =>
  labelKeys
    .map((key) => `${key}-label` as const)
    .filter((name) => text(args[name]))
    .map((name) => ` ${name}="${escapeAttribute(args[name]!)}"`)
    .join('');

/**
 * The journal as a site owner writes it: attributes from the args, children as given. `tag` renders
 * the same markup under another name (see "Before the script loads").
 */
function journal(args: JournalArgs, children: TemplateResult | typeof nothing, tag = 'journal-prompts') {
  const name = unsafeStatic(tag);
  return staticHtml`<${name}
    layout=${ifDefined(args.layout === 'list' ? undefined : args.layout)}
    storage=${ifDefined(args.storage === 'session' ? undefined : args.storage)}
    storage-key=${ifDefined(text(args['storage-key']))}
    ?storage-locked=${args['storage-locked']}
    lock=${ifDefined(args.lock === 'off' ? 'off' : undefined)}
    ${unsafeStatic(labelAttributes(args))}
    style=${ifDefined(styleOf(args))}
    @journal-prompts-save=${logTo(args.onJournalPromptsSave as Action)}
    @journal-prompts-export=${logTo(args.onJournalPromptsExport as Action)}
    @journal-prompts-clear=${logTo(args.onJournalPromptsClear as Action)}
    >${children}</${name}
  >`;
}

/**
 * The same markup under a tag name that is never defined, styled by the pre-upgrade stylesheet with
 * its selectors renamed: what readers see before the script runs, or without it.
 */
const unloadedTag = 'unloaded-journal-prompts';
const unloadedCss = preUpgradeCss.replace(/(?<![\w-])journal-prompts(?![\w-])/g, unloadedTag);

// The seed article's own words.
const heading = 'Here are a few gentle journaling prompts to support you:';
const prompts = [
  'What was there to be released, and what do I want to do with it?',
  'What is a need I can give more attention to?',
  'What is something nourishing I can give myself right now?',
];
const invitation = 'If another question feels more alive for you, follow that. Your body’s wisdom will always lead the way.';

const articlePrompts = html`
  <p slot="heading">${heading}</p>
  <ol>
    ${prompts.map((prompt) => html`<li>${prompt}</li>`)}
  </ol>
  <p slot="invitation">${invitation}</p>
`;

const dutchPrompts = html`
  <p slot="heading">Hier zijn een paar zachte schrijfvragen om je te steunen:</p>
  <ol>
    <li>Wat mocht er worden losgelaten, en wat wil ik ermee doen?</li>
    <li>Welke behoefte kan ik meer aandacht geven?</li>
    <li>Wat kan ik mezelf nu geven dat me voedt?</li>
  </ol>
  <p slot="invitation">Voelt een andere vraag meer levend voor je, volg die dan. De wijsheid van je lichaam wijst altijd de weg.</p>
`;

/** Answers a reader might have written, by field: a hash of each prompt's text, `q` and `o` for their own question. */
const writtenAnswers: Record<string, string> = {
  [hashText(prompts[0])]:
    'Something old about not being allowed to take up space. I want to let it keep moving: a slow walk tomorrow morning, no headphones.',
  [hashText(prompts[1])]: 'Rest. Saying no a little sooner, before I am tired.',
  [hashText(prompts[2])]: 'A warm bath, and a message to my sister.',
  q: 'What does my body want me to know today?',
  o: 'That it is safe to slow down.',
};

/** Where a journal with `storage-key="<key>"` keeps its answers (the key format is part of the element's contract). */
const storedKey = (key: string) => `gentle-widgets:journal-prompts:${key}`;

/**
 * `beforeEach`: this story's answers start as `answers` (none by default) in `area`, and every stored
 * copy goes again when the story is left, so no story sees another's words. Each story has its own
 * `storage-key`, so stories on one docs page never share answers either.
 */
const answersUnder =
  (key: string, answers?: Record<string, string>, area: 'session' | 'local' = 'session') =>
  () => {
    // `#2`: the docs page shows its first story twice, and the second copy saves apart.
    const forget = () => {
      for (const storage of [sessionStorage, localStorage]) {
        for (const name of [storedKey(key), `${storedKey(key)}#2`]) storage.removeItem(name);
      }
    };
    forget();
    if (answers) (area === 'local' ? localStorage : sessionStorage).setItem(storedKey(key), JSON.stringify({ v: 1, a: answers }));
    return forget;
  };

/** The passphrase of the locked stories' answers, given in their descriptions. */
const storyPassphrase = 'river stones at dusk';

/**
 * `beforeEach`: this story's answers start locked under {@link storyPassphrase}, sealed by the lock's own
 * code as a reader's "Lock my answers" would (so the record is real: a fresh salt and IV, 600,000
 * iterations), and go again when the story is left.
 */
const lockedAnswersUnder = (key: string) => async () => {
  const forget = answersUnder(key)();
  const salt = newSalt();
  const crypto = await deriveKey(storyPassphrase, salt);
  sessionStorage.setItem(storedKey(key), await seal(JSON.stringify({ v: 1, a: writtenAnswers }), crypto, salt, ITERATIONS, storedKey(key)));
  return forget;
};

/** `play`: types `values` into the journal's passphrase fields and submits, then waits until the form has gone. */
const enterPassphrase = async (element: JournalPromptsElement, ...values: string[]) => {
  const inputs = [...element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[part="passphrase"]')];
  inputs.forEach((input, i) => (input.value = values[i]));
  inputs[0]?.form?.requestSubmit();
  for (let waited = 0; waited < 100 && element.shadowRoot!.querySelector('form[part="lock-form"]'); waited++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** `play`: presses the journal's `part` button, then waits until the lock's form shows. */
const press = async (element: JournalPromptsElement, part: string) => {
  element.shadowRoot!.querySelector<HTMLButtonElement>(`button[part~="${part}"]`)!.click();
  for (let waited = 0; waited < 100 && !element.shadowRoot!.querySelector('form[part="lock-form"]'); waited++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** `play`, like {@link onJournal}, for what takes a while: pressing buttons, deriving a key. */
const onJournalAsync =
  (then: (element: JournalPromptsElement) => Promise<void>) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const element = canvasElement.querySelector('journal-prompts');
    if (!element) return;
    await element.updateComplete;
    await then(element);
    await element.updateComplete;
  };

/** A story's own storage key only keeps stories apart; the snippet leaves it out (a page path and the prompts name the answers). */
const withoutStoryKey = (code: string) => code.replace(/ storage-key="story-[^"]*"/g, '');

/**
 * `play`: once the journal has rendered, `then` runs on it. Properties belong to a connected journal:
 * it reads its prompts when it connects.
 */
const onJournal =
  (then: (element: JournalPromptsElement) => void) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const element = canvasElement.querySelector('journal-prompts');
    if (!element) return;
    await element.updateComplete;
    then(element);
    await element.updateComplete;
  };

/**
 * Applies the journal's own `@media print` rules (read from its shadow root's stylesheets, so they
 * cannot drift) on screen too: Storybook cannot switch a story to print media.
 */
function showPrintRules(element: JournalPromptsElement) {
  const root = element.shadowRoot!;
  const printRules = root.adoptedStyleSheets
    .flatMap((sheet) => [...sheet.cssRules])
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.media.mediaText === 'print')
    .flatMap((rule) => [...rule.cssRules].map((inner) => inner.cssText));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(printRules.join('\n'));
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

type Story = StoryObj<JournalArgs>;

/** A story whose children are `children` and whose attributes come from its args. */
const showing = (children: TemplateResult): Pick<Story, 'render'> => ({
  render: (args) => journal(args, children),
});

const describe = (story: string, embed: EmbedParameters = {}) => ({
  docs: { description: { story } },
  embed: { ...embed, rewrite: (code: string) => withoutStoryKey(embed.rewrite ? embed.rewrite(code) : code) },
});

const meta = {
  title: 'Elements/journal-prompts',
  component: 'journal-prompts',
  args: { 'storage-locked': false },
  argTypes: {
    layout: { control: 'select', options: Object.keys(layouts) },
    storage: { control: 'select', options: Object.keys(areas) },
    lock: { control: 'inline-radio', options: ['on', 'off'] },
    '--journal-prompts-field-surface': { control: 'color' },
    '--journal-prompts-field-border': { control: 'color' },
    '--gentle-accent': { control: 'color' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Every story shows its **embed snippet** under "Show code" (and in the Code panel): the script line and the tag a site owner pastes into a Squarespace Code block or a WordPress Custom HTML block. Each story keeps its answers under its own `storage-key` and forgets them when you leave it; the snippets leave that key out. Type into a field, reload, and the words are still there.',
      },
    },
  },
} satisfies Meta<JournalArgs>;
export default meta;

export const Empty: Story = {
  name: 'Empty (list)',
  ...showing(articlePrompts),
  args: { 'storage-key': 'story-empty' },
  beforeEach: answersUnder('story-empty'),
  parameters: describe(
    'The article’s prompts as the reader first meets them: a field under each prompt, and the invitation turned into the reader’s own question and answer. Answers stay in this tab until it closes; the line under the buttons says so.',
  ),
};

export const Written: Story = {
  name: 'Written (answers kept for this tab)',
  ...showing(articlePrompts),
  args: { 'storage-key': 'story-written' },
  beforeEach: answersUnder('story-written', writtenAnswers),
  parameters: describe(
    'A reader who wrote and then reloaded the page: the answers come back from this tab’s storage. Copy all, the downloads and Print work on these words; “Delete my answers” asks first.',
  ),
};

export const Steps: Story = {
  ...showing(articlePrompts),
  args: { layout: 'steps', 'storage-key': 'story-steps' },
  beforeEach: answersUnder('story-steps'),
  parameters: describe('`layout="steps"`: one prompt at a time, with Previous, “1 of 4” and Next. The reader’s own question is the last step.'),
};

export const StepsLastStep: Story = {
  name: 'Steps on the last step (own question)',
  ...showing(articlePrompts),
  args: { layout: 'steps', 'storage-key': 'story-steps-last' },
  beforeEach: answersUnder('story-steps-last'),
  play: onJournal((element) => {
    element.step = 3;
  }),
  parameters: describe(
    'The fourth of four steps: the invitation, a field for the reader’s own question and one for its answer. Next is disabled here. (The story sets the `step` property; readers get here with Next.)',
  ),
};

export const StorageLocked: Story = {
  name: 'Storage locked',
  ...showing(articlePrompts),
  args: { storage: 'local', 'storage-locked': true, 'storage-key': 'story-storage-locked' },
  beforeEach: answersUnder('story-storage-locked'),
  parameters: describe(
    '`storage="local" storage-locked`: the site owner decides that answers stay on this device, so the reader gets no switch — only the line that says where the words are kept.',
  ),
};

export const SettingALock: Story = {
  name: 'Setting a lock',
  ...showing(articlePrompts),
  args: { 'storage-key': 'story-setting-lock' },
  beforeEach: answersUnder('story-setting-lock', writtenAnswers),
  play: onJournalAsync((element) => press(element, 'lock')),
  parameters: describe(
    'The reader pressed “Lock my answers”: before anything is locked, the journal says plainly that the passphrase is the only way back in, and that a forgotten one means the answers are gone. Two fields, so a typo cannot lock the words away. Once locked, the answers are stored only encrypted (AES-GCM, a key derived with PBKDF2-SHA-256 at 600,000 iterations and a random salt); the passphrase and the key are never stored. The lock’s code (`gentle-widgets-lock.js`, beside the bundle) loads only now.',
  ),
};

export const Locked: Story = {
  ...showing(articlePrompts),
  args: { 'storage-key': 'story-locked' },
  beforeEach: lockedAnswersUnder('story-locked'),
  parameters: describe(
    `A locked journal, as it comes back after a reload: the prompts, and Unlock. Nothing of the answers is on the page or readable in storage. Press Unlock and type the passphrase — here \`${storyPassphrase}\` — to open them; any other passphrase is refused calmly, and the field is emptied for another try. “Forgot it? Delete these answers” starts again, after asking.`,
  ),
};

export const Unlocked: Story = {
  name: 'Unlocked (open, with a lock)',
  ...showing(articlePrompts),
  args: { 'storage-key': 'story-unlocked' },
  beforeEach: lockedAnswersUnder('story-unlocked'),
  play: onJournalAsync(async (element) => {
    await press(element, 'unlock');
    await enterPassphrase(element, storyPassphrase);
  }),
  parameters: describe(
    `The locked journal above, opened with its passphrase (\`${storyPassphrase}\`, typed here by the story). The reader writes, copies, downloads and prints as usual; every save is encrypted again with a fresh IV. “Lock my answers” locks it again at once, without asking for the passphrase; “Remove the lock” stores the answers open again. A quick exit from a \`<content-notice>\` on the page locks it too.`,
  ),
};

export const LockOff: Story = {
  name: 'Lock off',
  ...showing(articlePrompts),
  args: { lock: 'off', 'storage-key': 'story-lock-off' },
  beforeEach: answersUnder('story-lock-off'),
  parameters: describe('`lock="off"`: the site owner takes the lock away, and with it the “Lock my answers” button.'),
};

export const StorageNone: Story = {
  name: 'Storage none',
  ...showing(articlePrompts),
  args: { storage: 'none', 'storage-key': 'story-storage-none' },
  beforeEach: answersUnder('story-storage-none'),
  parameters: describe('`storage="none"`: nothing is written anywhere, and the line says so. The answers last while the page is open.'),
};

export const StorageBlocked: Story = {
  name: 'Storage blocked',
  ...showing(articlePrompts),
  args: { storage: 'local', 'storage-key': 'story-storage-blocked' },
  beforeEach: (context) => {
    const forget = answersUnder('story-storage-blocked')();
    const restore = blockLocalStorage();
    const stopEcho = echoWarnings(/storage is blocked/)(context);
    return () => {
      stopEcho();
      restore();
      forget();
    };
  },
  decorators: [withConsole],
  parameters: (() => {
    const parameters = describe(
      '`storage="local"` in a browser that blocks site data (here, reading `localStorage` throws). The journal still works, keeps the answers while the page is open, tells the reader so in plain words instead of offering a switch, and warns once in the console.',
    );
    // On the docs page this story gets its own frame: blocking storage there would reach the other stories.
    return { ...parameters, docs: { ...parameters.docs, story: { inline: false, height: '52em' } } };
  })(),
};

export const Dutch: Story = {
  ...showing(dutchPrompts),
  args: { 'storage-key': 'story-dutch' },
  beforeEach: answersUnder('story-dutch'),
  decorators: [(story) => html`<div lang="nl">${story()}</div>`],
  parameters: describe('Inside `lang="nl"`, the buttons, the switch and the status line are Dutch (also German, French and Spanish).', {
    note: 'On a page with <html lang="nl"> the journal speaks Dutch; elsewhere, add lang="nl" to the tag.',
  }),
};

export const CustomLabels: Story = {
  name: 'Custom labels',
  ...showing(articlePrompts),
  args: {
    'storage-key': 'story-custom-labels',
    'question-label': 'A question of my own',
    'answer-label': 'What comes up',
    'copy-label': 'Copy my journal',
    'markdown-label': 'Save as Markdown',
    'text-label': 'Save as text',
    'print-label': 'Print my journal',
    'delete-label': 'Clear my journal',
    'keep-label': 'Remember my words on this device',
    'never-label': 'Nobody else sees them: they never leave your device.',
  },
  beforeEach: answersUnder('story-custom-labels'),
  parameters: describe('Every string is the site owner’s to change, through its `<key>-label` attribute (see the attribute list).'),
};

export const BeforeTheScriptLoads: Story = {
  name: 'Before the script loads',
  render: (args) => journal(args, articlePrompts, unloadedTag),
  decorators: [(story) => html`<style>${unloadedCss}</style>${story()}`],
  parameters: describe(
    'What readers see before the script runs, with JavaScript off, or when a CMS strips the script: the same markup under a tag that is never defined, styled only by the optional pre-upgrade stylesheet (`dist/cdn/gentle-widgets.css`). The heading, every prompt and the invitation stay readable as the list the site owner wrote. With scripting on, the stylesheet first keeps room for the fields that are coming, and gives it back after four seconds when no script has run, as here.',
    {
      head: [cdnStylesheet],
      rewrite: (code) => code.replaceAll(unloadedTag, 'journal-prompts'),
    },
  ),
};

export const InsideAHostileTheme: Story = {
  name: 'Inside a hostile theme',
  ...showing(articlePrompts),
  args: { layout: 'steps', 'storage-key': 'story-hostile' },
  beforeEach: answersUnder('story-hostile'),
  decorators: [inHostileTheme],
  parameters: describe(
    'Theme CSS that forces `display: block !important` on post content and on `[hidden]`, and restyles every button: the steps still show one prompt at a time and the journal keeps its own buttons, because its layout lives inside the shadow root.',
  ),
};

export const ThePrintedPage: Story = {
  name: 'The printed page',
  ...showing(articlePrompts),
  args: { layout: 'steps', 'storage-key': 'story-printed' },
  beforeEach: answersUnder('story-printed', writtenAnswers),
  play: onJournal(showPrintRules),
  parameters: describe(
    'What Print puts on paper, shown on screen: the journal’s own `@media print` rules, read from its stylesheet and applied here because Storybook cannot switch a story to print media. Every prompt with its answer, every step of a steps journal, and no buttons, switch or status line. On a real page, Print also leaves out the rest of the page (the end-to-end tests check real print media in Chromium); in any other story, press Print for the browser’s own preview.',
  ),
};

export const NoPrompts: Story = {
  name: 'No prompts (what WordPress autop leaves)',
  render: (args) => html`
    <p>${journal(args, nothing)}</p>
    <p>${heading}</p>
    <ol>
      ${prompts.map((prompt) => html`<li>${prompt}</li>`)}
    </ol>
    <p>${invitation}</p>
    <p></p>
  `,
  args: { 'storage-key': 'story-no-prompts' },
  beforeEach: echoWarnings(/has no prompts/),
  decorators: [withConsole],
  parameters: describe(
    'The tag pasted into ordinary WordPress post content: `wpautop` wraps it in `<p>`, and the browser closes the tag at once, leaving it empty and the prompts beside it as plain text (measured on WordPress 6.1). A journal without prompts shows nothing of its own — no fields, no buttons — and says why in the console. The snippet shows what to paste instead — into a **Custom HTML block**.',
    {
      note: 'WordPress: paste this into a Custom HTML block, never into a paragraph.',
      code: `<journal-prompts>
  <p slot="heading">${heading}</p>
  <ol>
${prompts.map((prompt) => `    <li>${prompt}</li>`).join('\n')}
  </ol>
  <p slot="invitation">${invitation}</p>
</journal-prompts>`,
    },
  ),
};
