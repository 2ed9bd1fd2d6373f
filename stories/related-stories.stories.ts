import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { cdnStylesheet, type EmbedParameters } from '../.storybook/embed.js';
import '../src/related-stories.js';
import type {
  RelatedStoriesErrorDetail,
  RelatedStoriesFormat,
  RelatedStoriesLayout,
  RelatedStoriesLoadDetail,
} from '../src/related-stories.js';
import preUpgradeCss from '../src/gentle-widgets.css?inline';
import atomFeed from './feeds/atom.xml?url&no-inline';
import emptyFeed from './feeds/empty.json?url&no-inline';
import spanishFeed from './feeds/feed-es.json?url&no-inline';
import jsonFeed from './feeds/feed.json?url&no-inline';
import squarespaceFeed from './feeds/squarespace-blog.json?url&no-inline';
import wordpressFeed from './feeds/wordpress-posts.json?url&no-inline';
import { echoWarnings, inHostileTheme, styleOf, text, withConsole } from './helpers.js';

/** An action from the Actions panel; it logs the event's `detail` (a whole event serialises as `{}`). */
type Action = (detail: unknown) => void;
const logTo = (action?: Action) => action && ((event: Event) => action((event as CustomEvent).detail));

/** What a card can show beside its title, in the order the `show` control lists it. */
const showTokens = ['date', 'reading-time', 'image', 'excerpt'] as const;
type ShowToken = (typeof showTokens)[number];

/** The attributes a site owner can write, the custom properties, and the event actions. */
type StoriesArgs = {
  src?: string;
  /** A string, not only the formats: a control can be cleared. */
  format?: string;
  limit?: number;
  /** A string, not only the layouts: the "Unknown layout" story sets one the element does not know. */
  layout?: string;
  /** The `show` tokens, ticked in its control. */
  show?: ShowToken[];
  'excerpt-length'?: number;
  'cache-ttl'?: number;
  timeout?: number;
  'reading-time-label'?: string;
  onRelatedStoriesLoad?: (detail: RelatedStoriesLoadDetail) => void;
  onRelatedStoriesError?: (detail: RelatedStoriesErrorDetail) => void;
  [customProperty: `--${string}`]: string | undefined;
};

// Records, so the compiler fails here when a format or a layout is added to the element.
const formats: Record<RelatedStoriesFormat | 'auto', true> = { auto: true, wordpress: true, squarespace: true, rss: true, atom: true, jsonfeed: true };
const layouts: Record<RelatedStoriesLayout, true> = { grid: true, list: true };

/**
 * The feeds the stories read, all served by Storybook itself (stories/feeds/, and the demo blog's own
 * RSS feed under /demo/), so nothing is fetched from anywhere else: links and images are root-relative
 * paths under /demo/. `snippet` is what the embed snippet shows in its place: the same feed on the site
 * owner's own site.
 */
const feeds = {
  wordpress: { url: wordpressFeed, snippet: '/wp-json/wp/v2/posts?_embed', label: 'WordPress REST (posts?_embed)' },
  squarespace: { url: squarespaceFeed, snippet: '/blog?format=json', label: 'Squarespace (blog?format=json)' },
  rss: { url: '/demo/feed.xml', snippet: '/feed/', label: 'RSS 2.0 (the demo blog’s feed)' },
  atom: { url: atomFeed, snippet: '/feed/atom/', label: 'Atom 1.0' },
  jsonfeed: { url: jsonFeed, snippet: '/feed.json', label: 'JSON Feed 1.1' },
  spanish: { url: spanishFeed, snippet: '/es/feed.json', label: 'JSON Feed 1.1, in Spanish' },
  empty: { url: emptyFeed, snippet: '/feed.json', label: 'A feed with no stories' },
  page: { url: '/demo/', snippet: '/blog/', label: 'A web page, not a feed' },
};

/** The snippet's `src`: the site owner's own feed in place of the one Storybook serves. */
const ownFeeds = (code: string) =>
  code
    .replace(/ src="([^"]*)"/g, (attribute, url: string) => {
      const feed = Object.values(feeds).find((each) => each.url === url);
      return feed ? ` src="${feed.snippet}"` : attribute;
    })
    .replace(/\/demo\/stories\/([\w-]+)\.html/g, '/blog/$1')
    .replace(/\/demo\/images\/stories\//g, '/images/');

/**
 * Every card in the stories is a story on the demo blog, whose article is /demo/; the stories stand at
 * its end, so that page is their canonical URL, as on the real article. The article itself (first in
 * every feed) is left out, as it is on the demo page.
 */
const onTheArticle = () => {
  const canonical = Object.assign(document.createElement('link'), { rel: 'canonical', href: '/demo/' });
  document.head.append(canonical);
  return () => canonical.remove();
};

/** The `show` attribute of ticked tokens, in the element's own order; none written for the default. */
const showOf = (tokens?: ShowToken[]) => {
  if (!tokens) return undefined;
  const value = showTokens.filter((token) => tokens.includes(token)).join(' ');
  return value === 'image excerpt' ? undefined : value;
};

/** A number the args set, unless it is the default. */
const numberOf = (value: number | undefined, fallback: number) => (value === undefined || Number.isNaN(value) || value === fallback ? undefined : value);

/**
 * The element as a site owner writes it: attributes from the args, children as given. `tag` renders
 * the same markup under another name (see "Before the script loads").
 */
function related(args: StoriesArgs, children: TemplateResult | typeof nothing, tag = 'related-stories') {
  const name = unsafeStatic(tag);
  return staticHtml`<${name}
    src=${ifDefined(text(args.src))}
    format=${ifDefined(args.format === 'auto' ? undefined : text(args.format))}
    limit=${ifDefined(numberOf(args.limit, 3))}
    layout=${ifDefined(args.layout === 'grid' ? undefined : text(args.layout))}
    show=${ifDefined(showOf(args.show))}
    excerpt-length=${ifDefined(numberOf(args['excerpt-length'], 160))}
    cache-ttl=${ifDefined(numberOf(args['cache-ttl'], 600))}
    timeout=${ifDefined(numberOf(args.timeout, 8))}
    reading-time-label=${ifDefined(text(args['reading-time-label']))}
    style=${ifDefined(styleOf(args))}
    @related-stories-load=${logTo(args.onRelatedStoriesLoad as Action)}
    @related-stories-error=${logTo(args.onRelatedStoriesError as Action)}
    >${children}</${name}
  >`;
}

/**
 * The same markup under a tag name that is never defined, styled by the pre-upgrade stylesheet with
 * its selectors renamed: what readers see before the script runs, or without it.
 */
const unloadedTag = 'unloaded-related-stories';
const unloadedCss = preUpgradeCss.replace(/(?<![\w-])related-stories(?![\w-])/g, unloadedTag);

interface Written {
  title: string;
  href: string;
  excerpt: string;
  image?: string;
  /** `datetime` of its `<time>`, and the date as the page writes it. */
  date?: string;
  when?: string;
}

// The seed article's closing list, in its own words (the third story's title is the demo blog's).
const heading = 'Read more Stories With Ease';
const written: Written[] = [
  {
    title: 'Mastering Stress and Overwhelm while Working - The power of the moments in between',
    href: '/demo/stories/mastering-stress.html',
    excerpt:
      'Maintaining a healthy work-life balance that genuinely suits me is nowadays all about “the moments in between.” For a long time, I considered this balance in a “work-hard-play-hard” manner…',
    image: '/demo/images/stories/mastering-stress.svg',
    date: '2026-07-14',
    when: '14 July 2026',
  },
  {
    title: 'A Journaling Exercise to Face Your Scariest Thoughts with Clarity and Ease',
    href: '/demo/stories/journaling-scariest-thoughts.html',
    excerpt:
      'Today, I want to share a practice that has helped me countless times over the past year in navigating anxiety. Anxiety is one of the most overwhelming emotions I experience, and at times, it feels terrifying to look inward and truly face what’s there…',
    image: '/demo/images/stories/journaling-scariest-thoughts.svg',
    date: '2026-09-02',
    when: '2 September 2026',
  },
  {
    title: 'Holistic therapy: working with the whole of you',
    href: '/demo/stories/holistic-therapy.html',
    excerpt:
      'Our bodies have the innate capacity to shift our state. More and more people are recognizing the significance of taking a holistic approach…',
    image: '/demo/images/stories/holistic-therapy.svg',
    date: '2026-03-16',
    when: '16 March 2026',
  },
];

const spanishHeading = 'Sigue leyendo en Stories With Ease';
const spanish: Written[] = [
  {
    title: 'Dominar el estrés y el agobio en el trabajo: el poder de los momentos intermedios',
    href: '/demo/stories/mastering-stress.html',
    excerpt:
      'Mantener un equilibrio entre trabajo y vida que de verdad me siente bien tiene hoy mucho que ver con «los momentos intermedios». Durante mucho tiempo entendí ese equilibrio como «trabajar duro, divertirse a lo grande»…',
  },
  {
    title: 'Un ejercicio de escritura para mirar de frente tus pensamientos más temidos, con claridad y calma',
    href: '/demo/stories/journaling-scariest-thoughts.html',
    excerpt: 'Hoy quiero compartir una práctica que me ha ayudado muchísimas veces durante el último año a atravesar la ansiedad…',
  },
  {
    title: 'Terapia holística: trabajar con todo tu ser',
    href: '/demo/stories/holistic-therapy.html',
    excerpt: 'Nuestro cuerpo tiene la capacidad innata de cambiar nuestro estado. Cada vez más personas reconocen la importancia de un enfoque holístico…',
  },
];

/** The heading and a list of `<li>`s, each a link and its excerpt: what readers get without the script. */
const listOf = (title: string, stories: Written[]) => html`
  <h2 slot="heading">${title}</h2>
  <ul>
    ${stories.map((story) => html`<li><a href=${story.href}>${story.title}</a> <p>${story.excerpt}</p></li>`)}
  </ul>
`;

/** The heading and an `<article>` per story, with its image and date. */
const articlesOf = (title: string, stories: Written[]) => html`
  <h2 slot="heading">${title}</h2>
  ${stories.map(
    (story) => html`
      <article>
        <img src=${ifDefined(story.image)} alt="" width="320" height="180" />
        <h3><a href=${story.href}>${story.title}</a></h3>
        <p>${story.excerpt}</p>
        <time datetime=${ifDefined(story.date)}>${story.when}</time>
      </article>
    `,
  )}
`;

const articleList = listOf(heading, written);

type Story = StoryObj<StoriesArgs>;

/** A story whose children are `children` and whose attributes come from its args. */
const showing = (children: TemplateResult): Pick<Story, 'render'> => ({
  render: (args) => related(args, children),
});

const feedNote =
  'Use your own feed. Same-site addresses like this one work everywhere; a feed on another site works only if that site sends CORS headers, and the stories written here show instead.';

/** The story's description, and its embed snippet: the site owner's own feed and pages in place of the demo's. */
const describe = (story: string, embed: EmbedParameters = {}) => ({
  docs: { description: { story } },
  embed: { ...embed, rewrite: (code: string) => ownFeeds(embed.rewrite ? embed.rewrite(code) : code) },
});

const meta = {
  title: 'Elements/related-stories',
  component: 'related-stories',
  beforeEach: onTheArticle,
  argTypes: {
    src: {
      control: 'select',
      options: ['', ...Object.values(feeds).map((feed) => feed.url)],
      labels: Object.fromEntries([['', '(none: the stories written in the page)'], ...Object.values(feeds).map((feed) => [feed.url, feed.label])]),
    },
    format: { control: 'select', options: Object.keys(formats) },
    layout: { control: 'select', options: Object.keys(layouts) },
    show: { control: 'check', options: [...showTokens] },
    limit: { control: { type: 'number', min: 1, max: 20 } },
    'excerpt-length': { control: { type: 'number', min: 0 } },
    'cache-ttl': { control: { type: 'number', min: 0 } },
    timeout: { control: { type: 'number', min: 1 } },
    '--related-stories-surface': { control: 'color' },
    '--gentle-accent': { control: 'color' },
    '--gentle-surface': { control: 'color' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Every story shows its **embed snippet** under "Show code" (and in the Code panel): the script line and the tag a site owner pastes into a Squarespace Code block or a WordPress Custom HTML block. The stories written inside the tag are what readers get without JavaScript, and what stays whenever the feed cannot be read. The feeds here are served by Storybook itself (the demo blog’s RSS feed, and the same stories as WordPress, Squarespace, Atom and JSON Feed would send them), so nothing is fetched from anywhere else; the snippets show the same feed on the site owner’s own site. The stories stand at the end of the demo article (/demo/), which is their canonical page, so that article — the newest story in every feed — is left out, as it is on the article itself. A loaded feed is kept for this tab (`cache-ttl`); set `src` with the control to switch feeds.',
      },
    },
  },
} satisfies Meta<StoriesArgs>;
export default meta;

export const WrittenInThePage: Story = {
  name: 'Written in the page (no feed)',
  ...showing(articleList),
  args: {},
  parameters: describe(
    'No `src`: the three stories the article closes with, written in the page as a heading and a list of links with their excerpts, laid out as cards (`layout="grid"`, the default). This is also what readers see whenever a feed cannot be read.',
    { note: 'Write your own stories in the list: each <li> is a link and its excerpt.' },
  ),
};

export const WrittenAsArticles: Story = {
  name: 'Written as articles, with images',
  ...showing(articlesOf(heading, written)),
  args: { show: ['date', 'image', 'excerpt'] },
  parameters: describe(
    'Stories written as `<article>`s: an optional image, a heading with the link, an optional `<time datetime>` and the excerpt. The cards take the image and the date from them; the date is written in the reader’s language.',
  ),
};

export const FromWordpress: Story = {
  name: 'From WordPress (REST API)',
  ...showing(articleList),
  args: { src: feeds.wordpress.url },
  parameters: describe(
    'The newest posts of a WordPress site, from its REST API: `src="/wp-json/wp/v2/posts?_embed"` (`_embed` brings each post’s featured image). The stories written in the page show until the feed is read, once the element nears the viewport.',
    { note: feedNote },
  ),
};

export const FromSquarespace: Story = {
  name: 'From Squarespace (blog JSON)',
  ...showing(articleList),
  args: { src: feeds.squarespace.url },
  parameters: describe(
    'The newest posts of a Squarespace blog: its address with `?format=json` (here `/blog?format=json`). The image is each post’s thumbnail (`assetUrl`).',
    { note: feedNote },
  ),
};

export const FromRss: Story = {
  name: 'From an RSS feed',
  ...showing(articleList),
  args: { src: feeds.rss.url },
  parameters: describe(
    'Any RSS 2.0 feed — here the demo blog’s own, as WordPress writes `/feed/`. The image is the first real image of each post (tracking pixels skipped).',
    { note: feedNote },
  ),
};

export const FromAtom: Story = {
  name: 'From an Atom feed',
  ...showing(articleList),
  args: { src: feeds.atom.url },
  parameters: describe('An Atom 1.0 feed (WordPress writes one at `/feed/atom/`, Blogger at `/feeds/posts/default`).', { note: feedNote }),
};

export const FromJsonFeed: Story = {
  name: 'From a JSON Feed',
  ...showing(articleList),
  args: { src: feeds.jsonfeed.url },
  parameters: describe('A JSON Feed 1.0 or 1.1 (Micro.blog, Ghost and many static site generators write one).', { note: feedNote }),
};

export const List: Story = {
  name: 'List layout',
  ...showing(articleList),
  args: { src: feeds.rss.url, layout: 'list', show: ['date', 'reading-time', 'image', 'excerpt'] },
  parameters: describe(
    '`layout="list"`: one card under another, the image as a thumbnail beside the text (its width is `--related-stories-thumbnail`). As on the demo article.',
    { note: feedNote },
  ),
};

export const DateAndReadingTime: Story = {
  name: 'Date and reading time',
  ...showing(articleList),
  args: { src: feeds.jsonfeed.url, show: ['date', 'reading-time', 'image', 'excerpt'] },
  parameters: describe(
    '`show="date reading-time image excerpt"`: a line with the date, in the reader’s language, and the reading time. The reading time shows only where the feed carries each story’s full text (WordPress, most RSS and Atom feeds, JSON Feed; not the stories written in the page).',
    { note: feedNote },
  ),
};

export const TitlesOnly: Story = {
  name: 'Titles only, in a list',
  ...showing(articleList),
  args: { src: feeds.atom.url, layout: 'list', show: [] },
  parameters: describe('`show=""`: only the titles, one under another — for a sidebar or the foot of a short post.', { note: feedNote }),
};

export const CustomLabel: Story = {
  name: 'Custom reading-time label',
  ...showing(articleList),
  args: { src: feeds.wordpress.url, show: ['date', 'reading-time', 'excerpt'], 'reading-time-label': 'a {n}-minute read' },
  parameters: describe('`reading-time-label`: the site owner’s own words for the reading time; `{n}` is the minutes.', { note: feedNote }),
};

export const FeedFailed: Story = {
  name: 'Feed failed (the stories in the page stay)',
  ...showing(articleList),
  args: { src: feeds.page.url },
  beforeEach: echoWarnings(/<related-stories>: could not use/),
  decorators: [withConsole],
  parameters: describe(
    'A `src` that cannot be used — here the blog’s page instead of its feed; equally a feed on another site without CORS, an error status, or one slower than `timeout` seconds. The stories written in the page stay, `related-stories-error` fires with the reason, and the console says what went wrong, once.',
    { note: 'This src is a web page, not a feed, so the stories written here show. WordPress: /feed/ or /wp-json/wp/v2/posts?_embed; Squarespace: /blog?format=json.' },
  ),
};

export const Empty: Story = {
  name: 'Empty (hidden)',
  render: (args) => html`
    <p>The end of a post on a blog that has no other stories yet.</p>
    ${related(args, html`<h2 slot="heading">${heading}</h2>`)}
    <p>The footer of the page.</p>
  `,
  args: { src: feeds.empty.url },
  parameters: describe(
    'No stories at all — none written in the page, and a feed with none (or only the page it is on): the element hides itself, heading and all, so no empty “Read more” is left behind. It says nothing in the console: an empty blog is no mistake.',
    { note: feedNote, rewrite: (code) => /<related-stories[\s\S]*<\/related-stories>/.exec(code)?.[0] ?? code },
  ),
};

export const UnknownLayout: Story = {
  name: 'Unknown layout (falls back to grid)',
  ...showing(articleList),
  args: { layout: 'cards' },
  beforeEach: echoWarnings(/<related-stories>: layout=/),
  decorators: [withConsole],
  parameters: describe('A `layout` the element does not know (`cards`): it warns in the console and lays the stories out as a grid.'),
};

export const BeforeTheScriptLoads: Story = {
  name: 'Before the script loads',
  render: (args) => related(args, articleList, unloadedTag),
  args: { src: feeds.rss.url, layout: 'list', show: ['date', 'reading-time', 'image', 'excerpt'] },
  decorators: [(story) => html`<style>${unloadedCss}</style>${story()}`],
  parameters: describe(
    'What readers see before the script runs, with JavaScript off, in a feed reader, or when a CMS strips the script: the same markup under a tag that is never defined, styled only by the optional pre-upgrade stylesheet (`dist/cdn/gentle-widgets.css`). The heading and the stories written in the page, as a plain list of links.',
    {
      head: [cdnStylesheet],
      note: feedNote,
      rewrite: (code) => code.replaceAll(unloadedTag, 'related-stories'),
    },
  ),
};

export const InsideAHostileTheme: Story = {
  name: 'Inside a hostile theme',
  ...showing(articleList),
  args: { src: feeds.rss.url, show: ['date', 'reading-time', 'image', 'excerpt'] },
  decorators: [inHostileTheme],
  parameters: describe(
    'Theme CSS that forces `display: block !important` on post content and on anything `hidden`: the cards keep their layout, and the list written in the page is not shown a second time beside them, because the cards live in the shadow root. Only the theme’s font comes through, as the page’s font should.',
    { note: feedNote },
  ),
};

export const StorageBlocked: Story = {
  name: 'Storage blocked',
  ...showing(articleList),
  args: { src: feeds.squarespace.url, show: ['date', 'reading-time', 'image', 'excerpt'] },
  beforeEach: (context) => {
    const restore = blockSessionStorage();
    const stopEcho = echoWarnings(/<related-stories>/)(context);
    return () => {
      stopEcho();
      restore();
    };
  },
  decorators: [withConsole],
  parameters: (() => {
    const parameters = describe(
      'A browser that blocks site data (here, reading `sessionStorage` throws): the feed cannot be kept for the tab, so it is read on every page view instead. Nothing else changes, and there is nothing to warn about.',
      { note: feedNote },
    );
    // On the docs page this story gets its own frame: blocking storage there would reach the other stories.
    return { ...parameters, docs: { ...parameters.docs, story: { inline: false, height: '40em' } } };
  })(),
};

export const Spanish: Story = {
  ...showing(listOf(spanishHeading, spanish)),
  args: { src: feeds.spanish.url, layout: 'list', show: ['date', 'reading-time', 'image', 'excerpt'] },
  decorators: [(story) => html`<div lang="es">${story()}</div>`],
  parameters: describe(
    'Inside `lang="es"`, dates and reading times are Spanish (also German, Dutch and French; dates in any language the browser knows). The stories are the feed’s own words.',
    { note: 'On a page with <html lang="es"> dates and reading times are in Spanish; elsewhere, add lang="es" to the tag.' },
  ),
};

/** `beforeEach`: reading `sessionStorage` throws a SecurityError (blocked site data) until cleanup. */
function blockSessionStorage(): () => void {
  const original = Object.getOwnPropertyDescriptor(window, 'sessionStorage');
  Object.defineProperty(window, 'sessionStorage', {
    configurable: true,
    enumerable: true,
    get() {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    },
  });
  return () => {
    if (original) Object.defineProperty(window, 'sessionStorage', original);
  };
}
