import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { cdnStylesheet, type EmbedParameters } from '../.storybook/embed.js';
import '../src/book-call-cta.js';
import type { BookCallCtaElement, BookCallCtaMode, BookCallCtaProvider } from '../src/book-call-cta.js';
import { keys as labelKeys, type BookCallCtaString } from '../src/book-call-cta/strings.js';
import preUpgradeCss from '../src/gentle-widgets.css?inline';
import { echoWarnings, inHostileTheme, styleOf, text, withConsole } from './helpers.js';

/** An action from the Actions panel; it logs the event's `detail` (a whole event serialises as `{}`). */
type Action = (detail: unknown) => void;
const logTo = (action?: Action) => action && ((event: Event) => action((event as CustomEvent).detail));

/** The UI strings a site owner can replace, each through its `<key>-label` attribute. */
type LabelAttribute = `${BookCallCtaString}-label`;

/** The attributes a site owner can write, the custom properties, and the event actions. */
type CtaArgs = {
  href?: string;
  provider?: BookCallCtaProvider | '';
  /** A string, not only the modes: the "Unknown mode" story sets one the element does not know. */
  mode?: string;
  consent?: 'required' | '';
  'utm-source'?: string;
  'utm-medium'?: string;
  'utm-campaign'?: string;
  onBookCallCtaOpen?: Action;
  onBookCallCtaClose?: Action;
  onBookCallCtaScheduled?: Action;
  [customProperty: `--${string}`]: string | undefined;
} & { [label in LabelAttribute]?: string };

// Records, so the compiler fails here when a mode or a provider is added to the element.
const modes: Record<BookCallCtaMode, true> = { link: true, popup: true, inline: true };
const providers: Record<BookCallCtaProvider, true> = { calendly: true, cal: true, tidycal: true, acuity: true, link: true };

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The `<key>-label` attributes the args set, written out. */
const labelAttributes = (args: CtaArgs) =>
  labelKeys
    .map((key) => `${key}-label` as const)
    .filter((name) => text(args[name]))
    .map((name) => ` ${name}="${escapeAttribute(args[name]!)}"`)
    .join('');

/**
 * The call to action as a site owner writes it: attributes from the args, children as given. `tag`
 * renders the same markup under another name (see "Before the script loads").
 */
function cta(args: CtaArgs, children: TemplateResult | typeof nothing, tag = 'book-call-cta') {
  const name = unsafeStatic(tag);
  return staticHtml`<${name}
    href=${ifDefined(text(args.href))}
    provider=${ifDefined(text(args.provider))}
    mode=${ifDefined(args.mode === 'link' ? undefined : text(args.mode))}
    consent=${ifDefined(text(args.consent))}
    utm-source=${ifDefined(text(args['utm-source']))}
    utm-medium=${ifDefined(text(args['utm-medium']))}
    utm-campaign=${ifDefined(text(args['utm-campaign']))}
    ${unsafeStatic(labelAttributes(args))}
    style=${ifDefined(styleOf(args))}
    @book-call-cta-open=${logTo(args.onBookCallCtaOpen)}
    @book-call-cta-close=${logTo(args.onBookCallCtaClose)}
    @book-call-cta-scheduled=${logTo(args.onBookCallCtaScheduled)}
    >${children}</${name}
  >`;
}

/**
 * The same markup under a tag name that is never defined, styled by the pre-upgrade stylesheet with
 * its selectors renamed: what readers see before the script runs, or without it.
 */
const unloadedTag = 'unloaded-book-call-cta';
const unloadedCss = preUpgradeCss.replace(/(?<![\w-])book-call-cta(?![\w-])/g, unloadedTag);

/** A real booking page: shown in closed states only, and never opened from Storybook (see `realSchedulersStayClosed`). */
const calendly = 'https://calendly.com/stories-with-ease/discovery-call';
/**
 * The local stand-in for a self-hosted Cal.com (demo/scheduler/, served by Storybook from /demo/): the
 * element loads `<this>/embed?embed=&embedType=…` from Storybook's own origin, so nothing leaves the machine.
 */
const standIn = '/demo/scheduler/discovery-call';
/** What the snippets show instead of the stand-in: a Cal.com link, which needs no `provider`. */
const calCom = 'https://cal.com/stories-with-ease/discovery-call';

// The seed article's own words.
const heading = 'Ready to try out holistic therapy?';
const invitation = 'Let’s explore how working with your body can help you feel more grounded, clear, and calm.';
const nudge = 'Book a free discovery call today and see if it’s the right fit for you.';
const linkText = 'Book a free discovery call';

/** Heading, text and the booking link on a line of its own, which the button takes the place of. */
const article = (href: string) => html`
  <h2>${heading}</h2>
  <p>${invitation}</p>
  <p>${nudge}</p>
  <p><a href=${href}>${linkText}</a></p>
`;

const french = html`
  <h2>Envie d’essayer la thérapie holistique&#x202f;?</h2>
  <p>Voyons ensemble comment le travail avec votre corps peut vous apporter plus d’ancrage, de clarté et de calme.</p>
  <p>Réservez dès aujourd’hui un appel découverte gratuit pour voir si cette approche vous convient.</p>
  <p><a href=${calendly}>Réserver un appel découverte gratuit</a></p>
`;

/**
 * A decorator: Storybook never opens a real scheduler. Opening anything but the local stand-in is
 * cancelled (the element's `book-call-cta-open` is cancelable), and a line under the story says why.
 */
const realSchedulersStayClosed = (story: () => unknown) => {
  const keepClosed = (event: Event) => {
    const element = event.target as BookCallCtaElement;
    const href = element.getAttribute('href') ?? [...element.querySelectorAll('a[href]')].pop()?.getAttribute('href') ?? '';
    if (new URL(href, location.href).origin === location.origin) return;
    event.preventDefault();
    const note = (event.currentTarget as HTMLElement).querySelector('.kept-closed');
    if (note) {
      note.textContent =
        'Storybook keeps real schedulers closed, so nothing here contacts them. The stories “Dialog open” and “Inline loaded” open a local stand-in instead.';
    }
  };
  return html`<div @book-call-cta-open=${keepClosed}>
    ${story()}
    <p class="kept-closed" role="status" style="margin: 1em 0 0; font: 0.9rem/1.5 system-ui, sans-serif"></p>
  </div>`;
};

/** `play`: presses the story's button, as a reader would, and waits until the element has rendered what it opened. */
async function pressTheButton({ canvasElement }: { canvasElement: HTMLElement }) {
  const element = canvasElement.querySelector('book-call-cta');
  if (!element) return;
  await element.updateComplete;
  element.shadowRoot!.querySelector<HTMLElement>('[part~="button"]')!.click();
  await element.updateComplete;
}

type Story = StoryObj<CtaArgs>;

/** A story whose children are `children` and whose attributes come from its args. */
const showing = (children: TemplateResult): Pick<Story, 'render'> => ({
  render: (args) => cta(args, children),
});

const describe = (story: string, embed?: EmbedParameters) => ({ docs: { description: { story } }, embed });

/** Snippet of a story that loads the stand-in: a Cal.com link in its place. */
const withCalCom = (story: string, embed: EmbedParameters = {}) =>
  describe(story, {
    note: 'Put your own Cal.com link here. (The story itself loads a local stand-in for a self-hosted Cal.com, which needs provider="cal"; a cal.com link does not.)',
    ...embed,
    rewrite: (code) =>
      (embed.rewrite ? embed.rewrite(code) : code).replaceAll(standIn, calCom).replace(/(<book-call-cta\b[^>]*?) provider="cal"/g, '$1'),
  });

const meta = {
  title: 'Elements/book-call-cta',
  component: 'book-call-cta',
  decorators: [realSchedulersStayClosed],
  argTypes: {
    mode: { control: 'select', options: Object.keys(modes) },
    provider: { control: 'select', options: ['', ...Object.keys(providers)], labels: { '': '(detected from the link)' } },
    consent: { control: 'select', options: ['', 'required'], labels: { '': '(not set)' } },
    '--book-call-cta-surface': { control: 'color' },
    '--book-call-cta-button-text': { control: 'color' },
    '--gentle-accent': { control: 'color' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Every story shows its **embed snippet** under "Show code" (and in the Code panel): the script line and the tag a site owner pastes into a Squarespace Code block or a WordPress Custom HTML block. Nothing loads from the scheduler until a reader presses the button. Storybook never opens a real scheduler: the stories that show a closed button link to Calendly, and pressing them only says so; “Dialog open” and “Inline loaded” open a local stand-in that speaks like a self-hosted Cal.com, and their snippets show a Cal.com link in its place.',
      },
    },
  },
} satisfies Meta<CtaArgs>;
export default meta;

export const Link: Story = {
  name: 'Link (default)',
  ...showing(article(calendly)),
  args: { mode: 'link' },
  parameters: describe(
    'No `mode`: the booking link on its own line becomes a button that opens the booking page in a new tab (`rel="noopener"`). The heading and text stay the site owner’s own.',
  ),
};

export const Popup: Story = {
  name: 'Popup (closed)',
  ...showing(article(calendly)),
  args: { mode: 'popup' },
  parameters: describe(
    '`mode="popup"`: a button that opens the scheduler in a dialog. Until it is pressed, nothing is requested from Calendly: no script, no frame, no preconnect.',
  ),
};

export const DialogOpen: Story = {
  name: 'Dialog open',
  ...showing(article(standIn)),
  args: { mode: 'popup', provider: 'cal' },
  play: pressTheButton,
  parameters: withCalCom(
    'The dialog after the reader pressed the button (the story presses it; on the Docs page, press it yourself): a native modal `<dialog>` named by the call to action, a Close button, Esc, focus back on the button when it closes, and the page behind it inert. The scheduler is a sandboxed, titled frame; here a local stand-in that greets, sizes and books like a self-hosted Cal.com. Book a time to see `book-call-cta-scheduled` in the Actions panel.',
  ),
};

export const InlinePlaceholder: Story = {
  name: 'Inline placeholder',
  ...showing(article(calendly)),
  args: { mode: 'inline' },
  parameters: describe(
    '`mode="inline"`: a placeholder that already holds the scheduler’s height (Calendly’s own 630 px), so nothing below it moves when the scheduler loads in its place. Nothing is requested until the reader presses the button.',
  ),
};

export const InlineLoaded: Story = {
  name: 'Inline loaded',
  ...showing(article(standIn)),
  args: { mode: 'inline', provider: 'cal' },
  play: pressTheButton,
  parameters: withCalCom(
    'The inline scheduler after the reader pressed the button (the story presses it; on the Docs page, press it yourself): the frame takes the placeholder’s place and then follows the height the scheduler reports, never shorter than the room it kept. Here a local stand-in that speaks like a self-hosted Cal.com; Confirm fires `book-call-cta-scheduled`, with the scheduler’s name and nothing personal.',
  ),
};

export const ConsentPopup: Story = {
  name: 'Consent required (popup)',
  ...showing(article(calendly)),
  args: { mode: 'popup', consent: 'required' },
  parameters: describe(
    '`consent="required"`: before anything loads, a line beside the button names the scheduler in plain words and offers its page in a new tab instead. Pressing the button after reading it is the reader’s consent.',
  ),
};

export const ConsentInline: Story = {
  name: 'Consent required (inline)',
  ...showing(article(calendly)),
  args: { mode: 'inline', consent: 'required' },
  parameters: describe('The same consent line inside the inline placeholder; it goes once the scheduler has loaded in its place.'),
};

export const RefusedUrl: Story = {
  name: 'Refused URL (javascript:)',
  ...showing(article('javascript:openBookingPopup()')),
  args: { mode: 'popup' },
  beforeEach: echoWarnings(/refused the booking URL/),
  decorators: [withConsole],
  parameters: describe(
    'A booking link that is not `https:` — here the `javascript:` link an old page builder left — is never used: the call to action shows as plain text with no link anywhere, and the console says why. (`http:` works on localhost only.)',
  ),
};

export const NoLink: Story = {
  name: 'No link',
  render: (args) =>
    cta(
      args,
      html`
        <h2>${heading}</h2>
        <p>${invitation}</p>
        <p>${nudge}</p>
      `,
    ),
  args: { mode: 'popup' },
  beforeEach: echoWarnings(/has no booking link/),
  decorators: [withConsole],
  parameters: describe(
    'The link went missing (a CMS stripped it, or it was never added): the heading and text still show, with no button that leads nowhere, and the console says what is missing.',
  ),
};

export const UnknownMode: Story = {
  name: 'Unknown mode (falls back to a link)',
  ...showing(article(calendly)),
  args: { mode: 'modal' },
  beforeEach: echoWarnings(/mode="modal" is unknown/),
  decorators: [withConsole],
  parameters: describe(
    'A `mode` the element does not know (`modal` instead of `popup`): it warns in the console and opens the booking page in a new tab, which always works.',
  ),
};

export const UnknownScheduler: Story = {
  name: 'Popup for a page it does not know',
  ...showing(article('https://stories-with-ease.example/book-a-call')),
  args: { mode: 'popup' },
  beforeEach: echoWarnings(/needs a scheduler it knows/),
  decorators: [withConsole],
  parameters: describe(
    'A popup or inline scheduler needs a scheduler the element knows (Calendly, Cal.com, TidyCal, Acuity Scheduling): it is the only way to know where its messages come from. Any other booking page opens in a new tab, with a warning. For a self-hosted Cal.com, add `provider="cal"`.',
  ),
};

export const French: Story = {
  ...showing(french),
  args: { mode: 'popup', consent: 'required' },
  decorators: [(story) => html`<div lang="fr">${story()}</div>`],
  parameters: describe(
    'Inside `lang="fr"`, the consent line, its new-tab link and the dialog’s Close button are French (also German, Dutch and Spanish). The button says what the link says.',
    { note: 'On a page with <html lang="fr"> the call to action speaks French; elsewhere, add lang="fr" to the tag.' },
  ),
};

export const CustomLabels: Story = {
  name: 'Custom labels',
  ...showing(article(standIn)),
  args: {
    mode: 'popup',
    provider: 'cal',
    consent: 'required',
    'close-label': 'Back to the article',
    'consent-label': 'The booking calendar comes from {name}, which may set its own cookies.',
    'elsewhere-label': 'Book on its own page instead',
  },
  parameters: withCalCom(
    'Every string is the site owner’s to change, through its `<key>-label` attribute; `{name}` is the scheduler’s name. The button’s label is the link’s own text (`book-label` is for a link without any). Press the button to see the Close label.',
  ),
};

export const WithUtm: Story = {
  name: 'With UTM parameters',
  ...showing(article(calendly)),
  args: { 'utm-source': 'stories-with-ease', 'utm-medium': 'blog', 'utm-campaign': 'crying-after-sex' },
  parameters: describe(
    '`utm-source`, `utm-medium` and `utm-campaign` are added to the booking URL, so the scheduler’s reports show which article a booking came from. The link in the text stays as written.',
  ),
};

export const BeforeTheScriptLoads: Story = {
  name: 'Before the script loads',
  render: (args) => cta(args, article(calendly), unloadedTag),
  args: { mode: 'popup', consent: 'required' },
  decorators: [(story) => html`<style>${unloadedCss}</style>${story()}`],
  parameters: describe(
    'What readers see before the script runs, with JavaScript off, in a feed reader, or when a CMS strips the script: the same markup under a tag that is never defined, styled only by the optional pre-upgrade stylesheet (`dist/cdn/gentle-widgets.css`). The heading, the text and a real link to the booking page: it works without the element.',
    {
      head: [cdnStylesheet],
      rewrite: (code) => code.replaceAll(unloadedTag, 'book-call-cta'),
    },
  ),
};

export const InsideAHostileTheme: Story = {
  name: 'Inside a hostile theme',
  ...showing(article(calendly)),
  args: { mode: 'popup', consent: 'required' },
  decorators: [inHostileTheme],
  parameters: describe(
    'Theme CSS that forces `display: block !important` on post content and restyles every button: the link’s line still gives way to the button (it is not shown twice), and the button keeps its own look, because both live in the shadow root.',
  ),
};
