import { html, nothing, type PropertyValues } from 'lit';
import { GentleElement } from '../shared/base.js';
import { nearestLang } from '../shared/i18n.js';
import { readItem, storageArea, writeItem } from '../shared/storage.js';
import { sharedStyles } from '../shared/styles.js';
import { safeUrl } from '../shared/url.js';
import { styles } from './related-stories.styles.js';
import type { Reason as RelatedStoriesErrorReason } from './sources/index.js';
import type { Format, Story } from './story.js';
import { keys, strings } from './strings.js';
import { clamp } from './text.js';

export type { Format as RelatedStoriesFormat, Story as RelatedStory } from './story.js';
export type RelatedStoriesLayout = 'grid' | 'list';
export type { RelatedStoriesErrorReason };

/** `detail` of `related-stories-load`: how many stories show, and the format the feed was read as. */
export interface RelatedStoriesLoadDetail {
  count: number;
  format: Format;
}
/** `detail` of `related-stories-error`: what went wrong. The stories written in the page stay. */
export interface RelatedStoriesErrorDetail {
  reason: RelatedStoriesErrorReason;
}

const FORMATS = ['auto', 'wordpress', 'squarespace', 'rss', 'atom', 'jsonfeed'];
const LAYOUTS = ['grid', 'list'];
const SHOW = ['date', 'reading-time', 'image', 'excerpt'];

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * The date format for a language, made once: the first `Intl.DateTimeFormat` of a page loads the
 * browser's locale data (tens of milliseconds on a phone), so only cards that show a date pay for it.
 */
function dateFormat(lang: string): Intl.DateTimeFormat {
  let format = dateFormats.get(lang);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
    } catch {
      // No lang (''), or one that is not a language tag.
      format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
    }
    dateFormats.set(lang, format);
  }
  return format;
}

/** A page's address as stories are compared: without query, fragment and trailing slash. */
const pageKey = (url: string) => url.replace(/[?#].*/, '').replace(/\/$/, '');
/** An image that does not load (gone, blocked by the page's img-src) leaves no broken-image box. */
const hide = (event: Event) => ((event.target as HTMLElement).hidden = true);
const words = (node?: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * "Read more" stories as cards: the list written in the page, or the newest posts of a WordPress site,
 * a Squarespace blog, or any RSS, Atom or JSON Feed. The list in the page is what readers get without
 * JavaScript, and stays whenever the feed cannot be read. The page the reader is on is left out.
 *
 * @tag related-stories
 *
 * @slot heading - The section's heading, e.g. `<h2 slot="heading">Read more</h2>`; card titles are `<h3>`s.
 * @slot - The stories: a `<ul>` of `<li>`s with a link and an excerpt, or `<article>`s with an optional image.
 *
 * @attr {string} reading-time-label - The reading time; `{n}` is the minutes (default: localised "{n} min read").
 *
 * @event {CustomEvent<RelatedStoriesLoadDetail>} related-stories-load - Stories from `src` are shown.
 * @event {CustomEvent<RelatedStoriesErrorDetail>} related-stories-error - `src` could not be read; the stories in the page stay.
 *
 * @csspart list - The list of cards.
 * @csspart card - One story.
 * @csspart image - A story's image.
 * @csspart link - A story's title, its link.
 * @csspart meta - The date and reading time.
 * @csspart excerpt - A story's excerpt.
 *
 * @cssproperty [--related-stories-card-width=14em] - Narrowest a card gets in the grid before the grid has fewer columns.
 * @cssproperty [--related-stories-surface=var(--gentle-surface, a 7% tint of the accent)] - Background of a card.
 * @cssproperty [--related-stories-padding=1em] - Space inside a card.
 * @cssproperty [--related-stories-thumbnail=min(7em, 20vw)] - Width of the image in the `list` layout.
 * @cssproperty [--gentle-accent=#3b6e66] - Accent shared by every gentle-widgets element: the focus rings and the card tint.
 * @cssproperty [--gentle-surface] - Background shared by every element.
 * @cssproperty [--gentle-radius=0.5em] - Corner radius of the cards.
 * @cssproperty [--gentle-font=inherit] - Font of the element; the page's by default.
 * @cssproperty [--gentle-gap=1em] - Space around the element and between cards.
 */
export class RelatedStoriesElement extends GentleElement {
  /** @internal */
  static override defaultTag = 'related-stories';
  static override styles = [sharedStyles, styles];
  static override properties = {
    src: {},
    format: {},
    limit: { type: Number },
    layout: { reflect: true },
    show: {},
    excerptLength: { attribute: 'excerpt-length', type: Number },
    cacheTtl: { attribute: 'cache-ttl', type: Number },
    timeout: { type: Number },
    ...Object.fromEntries(keys.map((key) => [`${key}-label`, {}])),
  };

  /** A feed of stories: WordPress REST (`/wp-json/wp/v2/posts?_embed`), Squarespace (`/blog?format=json`), RSS, Atom or JSON Feed, same-site or sent with CORS. */
  src?: string;

  /** The feed's format: `auto` (sniffed), `wordpress`, `squarespace`, `rss`, `atom` or `jsonfeed`. */
  format: 'auto' | 'wordpress' | 'squarespace' | 'rss' | 'atom' | 'jsonfeed' = 'auto';

  /** How many stories show, 1 to 20. */
  limit = 3;

  /** `grid`: cards side by side where there is room; `list`: one under another. */
  layout: 'grid' | 'list' = 'grid';

  /** What each card shows beside its title: any of `date`, `reading-time` (where the feed has the full text), `image`, `excerpt`. */
  show = 'image excerpt';

  /** Longest excerpt of a story read from `src`, in characters; longer ones end at a word with "…". Written excerpts show whole. */
  excerptLength = 160;

  /** How long, in seconds, a loaded feed is reused in this tab (`sessionStorage`); `0` loads it every time. */
  cacheTtl = 600;

  /** How long, in seconds, the feed may take before the stories in the page are kept instead. */
  timeout = 8;

  /** Stories read from `src`, once loaded. */
  #loaded?: Story[];
  /** The feed's checked URL, while it is still to be read. */
  #waiting?: string;
  #observer?: IntersectionObserver;
  #abort?: AbortController;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
  }

  /** A number attribute in range, else its default with a warning. */
  #count(name: string, value: number, fallback: number, min = 1, max = Infinity): number {
    if (value >= min && value <= max) return value;
    this.warnOnce('stories-range', name, this.getAttribute(name)!, min, max, fallback);
    return fallback;
  }

  get #limit() {
    return this.#count('limit', this.limit, 3, 1, 20);
  }

  get #cacheKey() {
    return `gentle-widgets:related-stories:${this.#limit}:${this.format}:${this.#waiting}`;
  }

  #stop(): void {
    this.#observer?.disconnect();
    this.#abort?.abort();
  }

  /** Forgets what `src` gave and waits, from the cache or until the element nears the viewport, to read it again. */
  #start(): void {
    this.#stop();
    this.#loaded = this.#waiting = undefined;
    if (!this.src) return;
    const src = safeUrl(this.src);
    if (!src) return this.warnOnce('stories-src', this.src);
    this.#waiting = src;
    // Checked here, not only when something is cached: a wrong value is reported on the first visit.
    const ttl = this.#count('cache-ttl', this.cacheTtl, 600, 0) * 1e3;
    try {
      const { t, f, s } = JSON.parse(readItem(storageArea('session'), this.#cacheKey)!);
      if (Date.now() - t < ttl) return this.#done(s, f);
    } catch {
      // Nothing cached, or not readable: load it.
    }
    this.#observer = new IntersectionObserver(
      ([entry]) => {
        if (entry.isIntersecting) {
          this.#observer!.disconnect();
          this.#load(src);
        }
      },
      { rootMargin: '600px' },
    );
    this.#observer.observe(this);
  }

  async #load(src: string): Promise<void> {
    const abort = (this.#abort = new AbortController());
    const timer = setTimeout(() => abort.abort('timeout'), this.#count('timeout', this.timeout, 8, 0.1) * 1e3);
    try {
      // The reading and parsing code loads only on pages that read a feed (in the CDN build, a file of its own).
      const { read } = await import('./sources/index.js');
      const { format, stories, size } = await read(src, this.format, this.#limit + 1, abort.signal);
      // Readers download all of it for a few cards; the site owner can ask the feed for fewer items.
      if (size > 1e6) this.warnOnce('stories-large', src, (size / 1e6).toFixed(1));
      writeItem(storageArea('session'), this.#cacheKey, JSON.stringify({ t: Date.now(), f: format, s: stories }));
      this.#done(stories, format);
    } catch (error) {
      // Disconnected, or `src` changed: nobody is waiting for this feed any more.
      if (abort.signal.aborted && abort.signal.reason !== 'timeout') return;
      const reason: RelatedStoriesErrorReason = abort.signal.aborted ? 'timeout' : ((error as { reason?: RelatedStoriesErrorReason }).reason ?? 'network');
      // The browser's own words (a status, a JSON error, the file that did not load) help the site owner.
      this.warnOnce('stories-failed', src, reason, (error as Error).message, !!this.#written().length);
      this.#waiting = undefined;
      this.requestUpdate();
      this.emit('related-stories-error', { reason });
    } finally {
      clearTimeout(timer);
    }
  }

  #done(stories: Story[], format: Format): void {
    this.#loaded = stories;
    this.#waiting = undefined;
    this.requestUpdate();
    this.updateComplete.then(() => this.emit('related-stories-load', { count: this.#stories().length, format }));
  }

  /** The stories written in the page: `<li>`s of a list, or `<article>`s. */
  #written(): Story[] {
    return [...this.querySelectorAll(':scope>ul>li,:scope>ol>li,:scope>article')].flatMap((item) => {
      const link = item.querySelector('a[href]');
      const url = safeUrl(link?.getAttribute('href'));
      const time = item.querySelector('time');
      const excerpt = [...item.querySelectorAll('p')].find((p) => !p.contains(link) && !p.contains(time));
      // A date alone ("2026-07-14") is that day where the reader is, not midnight in London.
      const date = Date.parse(time?.dateTime.replace(/^[\d-]{10}$/, '$&T00:00') ?? '');
      return url
        ? [
            {
              title: words(item.querySelector('h2,h3,h4,h5,h6') ?? link),
              url,
              excerpt: words(excerpt),
              date: date || undefined,
              image: safeUrl(item.querySelector('img')?.getAttribute('src')) ?? undefined,
            },
          ]
        : [];
    });
  }

  /** What shows: the feed's stories once loaded, else the page's; never the page the reader is on. */
  #stories(): Story[] {
    const here = pageKey((document.querySelector('link[rel=canonical]') as HTMLLinkElement | null)?.href || location.href);
    return (this.#loaded ?? this.#written()).filter((story) => pageKey(story.url) !== here).slice(0, this.#limit);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('format') || changed.has('limit')) {
      if (!FORMATS.includes(this.format)) {
        this.warnOnce('stories-format', this.format);
        this.format = 'auto';
      }
      this.#start();
    }
    if (!LAYOUTS.includes(this.layout)) this.warnOnce('stories-layout', this.layout);
    if (this.show.split(/\s+/).some((token) => token && !SHOW.includes(token))) this.warnOnce('stories-show', this.show);
    // Hidden with nothing to show, unless a feed is still to come (a hidden element never nears the viewport).
    this.hidden = !this.#stories().length && !this.#waiting;
    if (this.hidden && !this.src) this.warnOnce('stories-none');
  }

  protected override render() {
    const stories = this.#stories();
    // Nothing at all, so that a theme that shows every element shows no empty heading either.
    if (this.hidden) return nothing;
    const show = this.show.split(/\s+/);
    const minutes = this.label(strings, 'reading-time');
    // Only a feed's excerpts are cut: the ones written in the page are the site owner's own words, at the
    // length they chose, and keep the height they had before the script ran.
    const length = this.#count('excerpt-length', this.excerptLength, 160);
    const cards = stories.map((story) => {
      const when =
        show.includes('date') && story.date
          ? html`<time datetime=${new Date(story.date).toISOString()}>${dateFormat(nearestLang(this)).format(story.date)}</time>`
          : '';
      const time = show.includes('reading-time') && story.minutes ? minutes.replace('{n}', `${story.minutes}`) : '';
      const image =
        show.includes('image') && story.image
          ? html`<img part="image" src=${story.image} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" @error=${hide} />`
          : nothing;
      const meta = when || time ? html`<p part="meta">${when}${when && time ? ' · ' : ''}${time}</p>` : nothing;
      const excerpt =
        show.includes('excerpt') && story.excerpt
          ? html`<p part="excerpt">${this.#loaded ? clamp(story.excerpt, length) : story.excerpt}</p>`
          : nothing;
      return html`<li part="card">${image}<h3><a part="link" href=${story.url}>${story.title}</a></h3>${meta}${excerpt}</li>`;
    });
    return html`<slot name="heading"></slot><ul part="list" role="list">${cards}</ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'related-stories': RelatedStoriesElement;
  }
  interface GlobalEventHandlersEventMap {
    'related-stories-load': CustomEvent<RelatedStoriesLoadDetail>;
    'related-stories-error': CustomEvent<RelatedStoriesErrorDetail>;
  }
}
