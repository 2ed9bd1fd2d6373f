import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { cdnStylesheet, type EmbedParameters } from '../.storybook/embed.js';
import '../src/content-notice.js';
import type { ContentNoticeEventDetail, ContentNoticeRemember, ContentNoticeVariant } from '../src/content-notice.js';
import preUpgradeCss from '../src/gentle-widgets.css?inline';
import { blockLocalStorage, echoWarnings, inHostileTheme, styleOf, text, withConsole } from './helpers.js';

/** An action from the Actions panel; it logs the event's `detail` (a whole event serialises as `{}`). */
type Action = (detail: ContentNoticeEventDetail) => void;
const logTo = (action?: Action) => action && ((event: Event) => action((event as CustomEvent<ContentNoticeEventDetail>).detail));

/** The attributes a site owner can write, the custom properties, and the event actions. */
interface NoticeArgs {
  id?: string;
  variant?: ContentNoticeVariant;
  gate?: boolean;
  remember?: ContentNoticeRemember;
  dismissible?: boolean;
  revealed?: boolean;
  dismissed?: boolean;
  'reveal-label'?: string;
  'hide-label'?: string;
  'dismiss-label'?: string;
  'restore-label'?: string;
  'exit-href'?: string;
  'exit-label'?: string;
  'exiting-label'?: string;
  onContentNoticeReveal?: Action;
  onContentNoticeHide?: Action;
  onContentNoticeDismiss?: Action;
  [customProperty: `--${string}`]: string | undefined;
}

// Records, so the compiler fails here when a variant or a storage area is added to the element.
const variants: Record<ContentNoticeVariant, true> = { distinction: true, disclaimer: true, warning: true };
const areas: Record<ContentNoticeRemember, true> = { none: true, session: true, local: true };

/** Shared theming hooks (every gentle-widgets element reads them); the element's own come from the manifest. */
const sharedProperties = {
  '--gentle-accent': 'Accent colour of every gentle-widgets element (edges, focus rings).',
  '--gentle-surface': 'Background tint of every gentle-widgets element.',
  '--gentle-radius': 'Corner radius of boxes and buttons (default 0.5em).',
  '--gentle-font': 'Font of every gentle-widgets element (default: inherited from the page).',
  '--gentle-gap': 'Space around and between parts (default 1em).',
};


/**
 * The notice as a site owner writes it: attributes from the args, children as given. `tag` renders the
 * same markup under another name (see "Before the script loads").
 */
function notice(args: NoticeArgs, children: TemplateResult | typeof nothing, tag = 'content-notice') {
  const name = unsafeStatic(tag);
  return staticHtml`<${name}
    id=${ifDefined(text(args.id))}
    variant=${ifDefined(args.variant)}
    ?gate=${args.gate}
    remember=${ifDefined(args.remember === 'none' ? undefined : args.remember)}
    ?dismissible=${args.dismissible}
    ?revealed=${args.revealed}
    ?dismissed=${args.dismissed}
    reveal-label=${ifDefined(text(args['reveal-label']))}
    hide-label=${ifDefined(text(args['hide-label']))}
    dismiss-label=${ifDefined(text(args['dismiss-label']))}
    restore-label=${ifDefined(text(args['restore-label']))}
    exit-href=${ifDefined(text(args['exit-href']))}
    exit-label=${ifDefined(text(args['exit-label']))}
    exiting-label=${ifDefined(text(args['exiting-label']))}
    style=${ifDefined(styleOf(args))}
    @content-notice-reveal=${logTo(args.onContentNoticeReveal)}
    @content-notice-hide=${logTo(args.onContentNoticeHide)}
    @content-notice-dismiss=${logTo(args.onContentNoticeDismiss)}
    >${children}</${name}
  >`;
}

/**
 * The same markup under a tag name that is never defined, styled by the pre-upgrade stylesheet with
 * its selectors renamed: what readers see before the script runs, or without it.
 */
const unloadedTag = 'unloaded-content-notice';
const unloadedCss = preUpgradeCss.replace(/(?<![\w-])content-notice(?![\w-])/g, unloadedTag);
const unloadedNotice = (args: NoticeArgs, children: TemplateResult | typeof nothing) => notice(args, children, unloadedTag);

// The seed article's own words.
const distinction = html`
  <h2 slot="heading">First, an important distinction</h2>
  <p>
    <span aria-hidden="true">🚨</span> If you’re crying after sex because you are hurting, felt mistreated, or something
    crossed your boundaries — please know this is a completely different situation. That is your body and soul waving a
    big red flag.
  </p>
  <p>
    In those moments, the first step is softening toward yourself, really acknowledging what happened, and asking
    yourself: <em>Is this a space I feel safe and respected enough to open up in again?</em> (If you’d like, I can share
    more about this in another blog soon.)
  </p>
  <p slot="resources"><strong>If you need to talk to someone now</strong></p>
  <ul slot="resources">
    <li><a href="tel:116123">Samaritans (UK &amp; Ireland): call 116 123</a>, free, any time, day or night</li>
    <li><a href="https://findahelpline.com">Find a Helpline</a>: free, confidential support lines in other countries</li>
  </ul>
`;

const importantNote = html`
  <h2 slot="heading">Important note</h2>
  <p>In this article, I talk about emotional release after sex — a natural but often unexpected response.</p>
  <p>
    It touches on a topic I discussed with some couples during our massage workshops: how safe, attuned touch can bring
    emotions to the surface and deepen connection.
  </p>
  <p>
    Just to clarify: the massages I give and teach are not erotic. They’re focused on relaxation, presence, and nervous
    system regulation. The couple massage workshops offer a non-sexual but deeply connecting way to support each other
    through touch.
  </p>
`;

const contentNote = html`
  <h2 slot="heading">This part talks about boundaries being crossed</h2>
  <p>
    If you’re crying after sex because you are hurting, felt mistreated, or something crossed your boundaries — please
    know this is a completely different situation. That is your body and soul waving a big red flag.
  </p>
  <p>
    In those moments, the first step is softening toward yourself, really acknowledging what happened, and asking
    yourself: <em>Is this a space I feel safe and respected enough to open up in again?</em>
  </p>
`;

const contentNoteGerman = html`
  <h2 slot="heading">In diesem Teil geht es um überschrittene Grenzen</h2>
  <p>
    Wenn du nach dem Sex weinst, weil du verletzt bist, dich schlecht behandelt gefühlt hast oder etwas deine Grenzen
    überschritten hat, dann ist das eine ganz andere Situation. Dann schwenken dein Körper und deine Seele eine große
    rote Flagge.
  </p>
  <p>
    In solchen Momenten ist der erste Schritt, sanft mit dir selbst zu sein, anzuerkennen, was passiert ist, und dich
    zu fragen: <em>Ist das ein Raum, in dem ich mich sicher und respektiert genug fühle, um mich wieder zu öffnen?</em>
  </p>
`;

/**
 * Where the quick exit stories go: a picture of a leaf on Storybook's own site, so an exit never takes
 * the preview to another site. Their snippets show a neutral site in its place.
 */
const leaf = '/demo/images/leaf.svg';
const neutralSite = 'https://www.bbc.co.uk/weather';
const withNeutralSite = { rewrite: (code: string) => code.replaceAll(leaf, neutralSite) };

type Story = StoryObj<NoticeArgs>;

/** A story whose children are `children` and whose attributes come from its args. */
const showing = (children: TemplateResult): Pick<Story, 'render'> => ({
  render: (args) => notice(args, children),
});

const describe = (story: string, embed?: EmbedParameters) => ({ docs: { description: { story } }, embed });

const meta = {
  title: 'Elements/content-notice',
  component: 'content-notice',
  args: { gate: false, dismissible: false, revealed: false, dismissed: false },
  argTypes: {
    id: {
      description: 'Names the notice, so `remember` can tell it apart from the others on the site.',
      type: { name: 'string' },
      table: { category: 'attributes', type: { summary: 'string' } },
    },
    variant: { control: 'select', options: Object.keys(variants) },
    remember: { control: 'select', options: Object.keys(areas) },
    '--content-notice-accent': { control: 'color' },
    '--content-notice-surface': { control: 'color' },
    ...Object.fromEntries(
      Object.entries(sharedProperties).map(([name, description]) => [
        name,
        {
          description,
          type: { name: 'string' },
          ...(name.endsWith('accent') || name.endsWith('surface') ? { control: 'color' } : {}),
          table: { category: 'css custom properties (shared)' },
        },
      ]),
    ),
  },
  parameters: {
    docs: {
      description: {
        component:
          'Every story shows its **embed snippet** under "Show code" (and in the Code panel): the script line and the tag a site owner pastes into Squarespace or a WordPress Custom HTML block. See Docs › Embedding for where each snippet goes.',
      },
    },
  },
} satisfies Meta<NoticeArgs>;
export default meta;

export const Distinction: Story = {
  ...showing(distinction),
  args: { variant: 'distinction' },
  parameters: describe('The up-front “this is different” callout, with support links in the `resources` slot.'),
};

export const Disclaimer: Story = {
  ...showing(importantNote),
  args: { variant: 'disclaimer' },
  parameters: describe('The closing “Important note”: quieter, `role="note"`, and it prints well.'),
};

export const Warning: Story = {
  ...showing(contentNote),
  args: { variant: 'warning' },
  parameters: describe('A content note above text that stays visible (no `gate`).'),
};

export const WarningGated: Story = {
  name: 'Warning gated (hidden)',
  ...showing(contentNote),
  args: { variant: 'warning', gate: true },
  parameters: describe(
    'With `gate`, the text stays folded away — invisible, out of the Tab order and hidden from screen readers — until the reader presses the button.',
  ),
};

export const WarningGatedRevealed: Story = {
  name: 'Warning gated revealed',
  ...showing(contentNote),
  args: { variant: 'warning', gate: true, revealed: true },
  parameters: describe('The same gated note after the reader chose to read it; the button folds it away again.'),
};

export const Dismissible: Story = {
  ...showing(distinction),
  args: { variant: 'distinction', dismissible: true },
  parameters: describe('With `dismissible`, a reader who has read the notice can collapse it to its heading line.'),
};

export const Dismissed: Story = {
  ...showing(distinction),
  args: { variant: 'distinction', dismissible: true, dismissed: true },
  parameters: describe('A collapsed notice: only the heading line and the button that opens it again.'),
};

export const Remembered: Story = {
  ...showing(contentNote),
  args: { variant: 'warning', gate: true, dismissible: true, remember: 'session', id: 'boundaries-note' },
  parameters: describe(
    '`remember="session"` with an `id`: reveal or collapse it, then reload — it stays as you left it until the tab closes. Changing the text shows it afresh.',
  ),
};

export const CustomLabels: Story = {
  name: 'Custom labels',
  ...showing(contentNote),
  args: {
    variant: 'warning',
    gate: true,
    dismissible: true,
    'reveal-label': 'I’m ready to read this',
    'hide-label': 'Fold it away again',
    'dismiss-label': 'Hide this note',
    'restore-label': 'Show this note again',
  },
  parameters: describe('Every button label can be the site owner’s own words.'),
};

export const German: Story = {
  ...showing(contentNoteGerman),
  args: { variant: 'warning', gate: true, dismissible: true },
  decorators: [(story) => html`<div lang="de">${story()}</div>`],
  parameters: describe('Inside `lang="de"`, the built-in labels are German (also Dutch, French and Spanish).', {
    note: 'On a page with <html lang="de"> the buttons are in German; elsewhere, add lang="de" to the tag.',
  }),
};

export const QuickExit: Story = {
  name: 'Quick exit',
  ...showing(distinction),
  args: { variant: 'distinction', 'exit-href': leaf },
  parameters: describe(
    'For readers who may be watched (GOV.UK calls it “Exit this page”): with `exit-href` naming a neutral page, the notice gets an **Exit this page** button at the top of the notice, above the heading, the first thing Tab reaches in the notice. Pressing it blanks the page at once (the title too, so the tab shows nothing of the article), tells a journal on the page to empty its fields and forget this tab’s answers, and replaces the page with the neutral one — in the history too, so Back does not return to it. `exit-label` changes the button’s words, `exiting-label` the neutral “Loading.” shown while the neutral page loads. In Storybook the exit goes to a picture of a leaf on Storybook’s own site, so nothing leaves this machine: choose the story again to come back. The snippet shows a neutral site in its place.',
    {
      ...withNeutralSite,
      note: 'exit-href: a neutral page the reader would not mind being seen on, such as the weather. It does not remove this page from the browser history of earlier visits.',
    },
  ),
};

export const QuickExitKeyboard: Story = {
  name: 'Quick exit: keyboard',
  ...showing(contentNote),
  args: { variant: 'warning', gate: true, 'exit-href': leaf, 'exit-label': 'Leave this page now' },
  parameters: describe(
    'The same exit from the keyboard, wherever focus is on the page (in a journal field too): press **Shift three times in a row**, each within 5 seconds of the one before. A Shift counts only when it is pressed on its own — Shift with a letter (a capital while typing) never counts, nor Shift with Ctrl, Alt or Cmd, and holding it down counts once; any other key starts the count over. One set of key listeners serves the whole page however many notices have `exit-href`; the first notice on the page decides where the keys go. Try it here: click the story, then press Shift three times (the leaf appears; choose the story again to come back). A reader who cannot use a mouse reaches the same exit with Tab and Enter on the button.',
    withNeutralSite,
  ),
};

export const BeforeTheScriptLoads: Story = {
  name: 'Before the script loads',
  render: (args) => unloadedNotice(args, contentNote),
  args: { variant: 'warning', gate: true },
  decorators: [(story) => html`<style>${unloadedCss}</style>${story()}`],
  parameters: describe(
    'What readers see before the script runs, with JavaScript off, or when a CMS strips the script: the same markup under a tag that is never defined, styled only by the optional pre-upgrade stylesheet (`dist/cdn/gentle-widgets.css`). Every word stays readable. While the script may still come, a gated note is folded to its heading and button, as it will be once upgraded, and shows after four seconds if no script has run; with JavaScript off it shows at once. Switch the variant to see each fallback.',
    {
      head: [cdnStylesheet],
      note: 'The stylesheet is optional: it gives each notice its box before the script runs, so nothing shifts.',
      rewrite: (code) => code.replaceAll(unloadedTag, 'content-notice'),
    },
  ),
};

export const InsideAHostileTheme: Story = {
  name: 'Inside a hostile theme',
  ...showing(contentNote),
  args: { variant: 'warning', gate: true },
  decorators: [inHostileTheme],
  parameters: describe(
    'Theme CSS that forces `display: block !important` and `visibility: visible !important` on post content: the gate still holds, because the hiding happens inside the shadow root, where page CSS cannot reach.',
  ),
};

export const StorageBlocked: Story = {
  name: 'Storage blocked',
  ...showing(contentNote),
  args: { variant: 'warning', gate: true, dismissible: true, remember: 'local', id: 'storage-blocked-note' },
  beforeEach: (context) => {
    const restore = blockLocalStorage();
    const stopEcho = echoWarnings(/storage/)(context);
    return () => {
      stopEcho();
      restore();
    };
  },
  decorators: [withConsole],
  parameters: describe(
    '`remember="local"` in a browser that blocks site data (here, reading `localStorage` throws). The notice still reveals, hides and collapses; it only cannot remember, and says so once in the console.',
  ),
};

export const Empty: Story = {
  name: 'Empty (what WordPress autop leaves)',
  render: (args) => html`
    <p>${notice(args, nothing)}</p>
    <p>
      <span aria-hidden="true">🚨</span> If you’re crying after sex because you are hurting, felt mistreated, or
      something crossed your boundaries — please know this is a completely different situation.
    </p>
    <p></p>
  `,
  args: { variant: 'distinction' },
  beforeEach: echoWarnings(/is empty/),
  decorators: [withConsole],
  parameters: describe(
    'The tag pasted into ordinary WordPress post content: `wpautop` wraps it in `<p>`, and the browser closes the tag at once, leaving it empty and its text outside as plain paragraphs (measured on WordPress 6.1). An empty notice renders nothing and says why in the console. The snippet shows what to paste instead — into a **Custom HTML block**.',
    {
      note: 'WordPress: paste this into a Custom HTML block, never into a paragraph.',
      code: `<content-notice variant="distinction">
  <p><span aria-hidden="true">🚨</span> If you’re crying after sex because you are hurting, felt mistreated, or something crossed your boundaries — please know this is a completely different situation.</p>
</content-notice>`,
    },
  ),
};
