import { trustedPolicy } from '../../shared/trusted-types.js';
import { safeUrl } from '../../shared/url.js';
import type { Story } from '../story.js';
import { firstImage } from '../text.js';
import { href, stories, type Json } from './build.js';

/**
 * An XML feed parsed as data through the library's Trusted Types policy; throws when it is not one.
 * Chromium builds its parse-error report with inline styles, which a strict CSP reports as a
 * violation, so a body is parsed only when it looks like a feed, and only in ways that parse.
 */
export const xml = (text: string): Document => {
  // The root, after any declaration, stylesheet, comment or doctype: HTML pages stop here.
  if (!/^(\s*(<[?!][^>]*>|<!--[^]*?-->))*\s*<(rss|feed|rdf:RDF)\b/.test(text)) throw Error('not a feed');
  // (A doctype with declarations of its own, which could give elements a namespace by default or
  // multiply entities, does not get past that pattern either.) Every namespace becomes an inert one:
  // XHTML, SVG or MathML elements have their on* and style attributes checked against the page's
  // CSP even in a parsed document. Nothing here reads namespaces.
  // The two mistakes real feeds make most, a bare "&" and an HTML entity XML does not know (&nbsp;),
  // are repaired outside CDATA rather than refused; a feed cut short is refused before parsing.
  if (!/(<\/(rss|feed|rdf:RDF)>|\/>)(\s|<!--[^]*?-->)*$/.test(text)) throw Error('cut short');
  text = text.replace(/(\sxmlns[^=]*=\s*["'])|<!\[CDATA\[[^]*?\]\]>|&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/gi, (m, ns) =>
    ns ? ns + 'x:' : m[1] ? m : '&amp;',
  );
  const doc = new DOMParser().parseFromString((trustedPolicy()?.createHTML(text) ?? text) as string, 'application/xml');
  if (doc.querySelector('parsererror')) throw Error('not XML');
  // Script and style in inline (type="xhtml") content are code, not words.
  for (const code of doc.querySelectorAll('script,style')) code.remove();
  return doc;
};

/** A feed's document, read only as far as twice `max` items and then the feed's own ending. */
export const feedDocument = (body: string, max: number): Document => {
  // Parsing 10,000 items to show a few blocks the page. The cut skips CDATA sections and comments
  // (an item's HTML may hold "</item>"), so it parses wherever the whole feed does.
  const re = /<!\[CDATA\[[^]*?\]\]>|<!--[^]*?-->|<\/(item|entry)>/g;
  let end = 0;
  for (let n = 2 * max, m; n && (m = re.exec(body)); ) {
    if (m[1]) {
      end = re.lastIndex;
      n--;
    }
  }
  const tail = body.slice(Math.max(body.lastIndexOf('</item>') + 7, body.lastIndexOf('</entry>') + 8));
  return xml(end && end < body.length - tail.length ? body.slice(0, end) + tail : body);
};

// The feed URL under every xml:base from the root down to this element.
const baseOf = (e: Element | null, base: string): string => {
  const up = e ? baseOf(e.parentElement, base) : base;
  return (e && safeUrl(e.getAttribute('xml:base'), { base: up })) || up;
};

/** Up to `max` stories from an RSS 0.9x/1.0/2.0 or Atom document whose root tag matches `root`. */
export const xmlStories = (doc: Document, root: RegExp, format: string, base: string, max: number): Story[] => {
  // Items count only as children of the root or its channel: some feeds nest empty <item/>s in
  // items. Selectors and qualified tag names ignore a default namespace (RSS 1.0, userland RSS 2).
  const r = doc.documentElement;
  return stories(
    root.test(r?.tagName) && [...r.querySelectorAll(':scope>item,:scope>entry,channel>item')],
    format,
    // FeedBurner's origLink is the post, its link a redirect; an empty link falls back to a URL id.
    'feedburner:origLink link id guid|title|description summary content:encoded content media:description|pubDate published updated dc:date|@img|content:encoded content',
    base,
    max,
    (e: Element) => {
      // Each tag's first non-empty text, or for a link the URL it names (Atom's rel is optional);
      // the widest image media:content/thumbnail or enclosure that is no tiny avatar.
      const o: Json = {};
      let width = -1;
      for (const m of e.getElementsByTagName('*')) {
        const n = m.tagName;
        const a = (k: string) => m.getAttribute(k);
        const w = +a('width')!;
        const url = /^(link|media:(content|thumbnail)|enclosure)$/.test(n) && href(a('url') ?? a('href') ?? m.textContent, baseOf(m, base));
        o[n] ||= n == 'link' ? (a('rel') ?? 'alternate') == 'alternate' && url : m.textContent!.trim();
        if (n != 'link' && url && /^(image|$)/.test(a('type') ?? a('medium') ?? '') && w > width && (w > 99 || !w)) {
          o['@img'] = url;
          width = w;
        }
      }
      // Else the first real <img> in its HTML.
      o['@img'] ??= firstImage(Object.values(o).join(), base);
      return o;
    },
  );
};
