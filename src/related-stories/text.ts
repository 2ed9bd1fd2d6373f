/**
 * Untrusted feed HTML to plain text, dates and reading time, with string functions only: building a
 * DOM from feed markup (even an inert one) reports CSP violations on strict hosts.
 */
import { safeUrl } from '../shared/url.js';

// The named entities real feeds use, split into [name, character, name, character, …].
const NAMED = 'amp&lt<gt>quot"apos\'nbsp\xa0hellip…mdash—ndash–lsquo‘rsquo’ldquo“rdquo”laquo«raquo»copy©'.split(/(\W)/);

// Comments, script/style with their content (to the end when unclosed), then tags: an opening tag
// leaves a space so paragraphs keep apart, a closing one nothing so "</a>," stays "link,". No match
// runs past the next "<" or succeeds only at the end, so unclosed markup costs linear time.
const strip = (h: string) =>
  h.replace(/<!--[^]*?(?:-->|$)|<(script|style)\b[^]*?(?:<\/\1[^<>]*>|$)|<(\/?)[!a-z][^<>]*>/gi, (...m) => (m[2] ? '' : ' '));

/** Markup to plain text: comments, scripts and tags dropped, entities decoded, white space collapsed. */
export const plainText = (html: unknown): string =>
  // Numeric entities before named ones, so "&amp;#39;" stays "&#39;". The % keeps fromCodePoint
  // in range. Stripped again after decoding: double-escaped markup (&lt;em&gt;) never shows.
  strip(
    strip(typeof html == 'string' ? html : '')
      .replace(/&#(x[\da-f]+|\d+);/gi, (_, n) => String.fromCodePoint(+('0' + n) % 1114112))
      .replace(/&([a-z]+);/g, (m, n) => NAMED[NAMED.indexOf(n) + 1 || -1] ?? m),
  )
    .replace(/\s+/g, ' ')
    .trim();

/** At most `n` characters, cut at a word boundary and ending in "…" when cut. */
export const clamp = (text: string, n: number): string => {
  const i = text.lastIndexOf(' ', n - 1);
  return text.length > n ? text.slice(0, i > 0 ? i : n - 1) + '…' : text;
};

/** Minutes to read a plainText() result at 200 words a minute, at least 1; undefined for no text. */
export const minutes = (text: string): number | undefined => (text ? Math.ceil(text.split(' ').length / 200) : undefined);

/** The first real image (src or data-src) in an HTML string, resolved against `base`. */
export const firstImage = (html: string, base: string): string | undefined => {
  for (const [tag, src] of html.matchAll(/<img\b[^<>]*?\s(?:data-)?src=["']?([^"'\s>]+)[^<>]*/gi)) {
    // Tracking pixels (sized 0 or 1, or on a stats host), feed-flare buttons and emoji are no
    // story's image, nor a src with neither dot nor slash (`src=x`).
    const url = !/(width|height)=.?[01]\b|stats?\b|pixel|emoji|~ff|piwik|matomo/i.test(tag) && /[./]/.test(src) && safeUrl(plainText(src), { base });
    if (url) return url;
  }
};

// A month name's first letters in English, Portuguese, Spanish, French or German: group n is month n.
const MONTH = /^(?:(ja|en)|(f.[bv])|(m.r)|(a[pbv])|(ma[iy])|(jui?n)|(jui?l)|(a[gou])|(se)|(o[cuk])|(no)|(d[eéi]))/;

/** ISO 8601 (UTC when it has no zone) or RFC 822 (two-digit years, US zone names, local month names) to epoch ms. */
export const parseDate = (value: unknown): number | undefined => {
  // One pattern for 2015-09-25T14:26:40+00:00 and Fri, 25 Sep 2015 14:26:40 +0000 or EST.
  const [, a = '', mo = '', b = '', h = 0, mi = 0, s = 0, sign, hh, mm, us, dst] =
    /(\d+)[- ]([^\s.,-]+)\.?[- ](\d+)(?:[T ](\d\d?):(\d\d)(?::([\d.]+))?)?.*?(?:([+-])(\d\d):?(\d\d)|([ECMP])([SD])T|$)/.exec(String(value)) ?? [];
  const iso = a.length > 2;
  const month = iso ? +mo - 1 : (MONTH.exec(mo.toLowerCase()) ?? []).findIndex((g, i) => i && g) - 1;
  const y = +(iso ? a : b);
  const offset = sign ? +(sign + 1) * (+hh * 60 + +mm) : us ? -60 * ('ECMP'.indexOf(us) + 5 - +(dst == 'D')) : 0;
  // Date.UTC reads 50–99 as 1950–1999 itself.
  if (month >= 0) return Date.UTC(y < 50 ? y + 2000 : y, month, +(iso ? b : a), +h, +mi - offset, 0, +s * 1000);
};
