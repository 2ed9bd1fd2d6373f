import { safeUrl } from '../../shared/url.js';
import type { Story } from '../story.js';
import { clamp, minutes, parseDate, plainText } from '../text.js';

/** Parsed JSON from a feed: untrusted, any shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A checked absolute http(s) URL from an untrusted value, or undefined. */
export const href = (value: unknown, base: string): string | undefined =>
  (typeof value == 'string' && safeUrl(value, { base })) || undefined;

/** The first truthy value at any of the space-separated dotted paths ("date_gmt date") in `o`. */
export const get = (o: Json, paths: string): Json =>
  paths
    .split(' ')
    .map((p) => p.split('.').reduce((v, k) => v?.[k], o))
    .find((v) => v);

/** Up to `max` stories from `list`, read at `spec`'s "|"-separated paths; throws "not <format>" without a list. */
export const stories = (
  list: unknown,
  format: string,
  spec: string,
  base: string,
  max: number,
  prep = (item: Json): Json => item,
): Story[] => {
  // spec: link | title (HTML) | excerpt (HTML) | date (text or epoch ms) | image | full text;
  // `prep` turns an item into an object to read them from (XML).
  if (!Array.isArray(list)) throw Error('not ' + format);
  const out: Story[] = [];
  // Stops at `max`: a 10,000-item feed costs no more than a short one.
  for (const item of list) {
    if (out.length >= max) break;
    const o = prep(item);
    const [link, title, html, date, image, full] = spec.split('|').map((p) => get(o, p));
    const url = href(link, base);
    const time = typeof date == 'number' ? date : parseDate(date);
    const body = plainText(full);
    // WordPress ends a made-up excerpt with " […]"; the clamp says the same with "…".
    const excerpt = (plainText(html) || body).replace(/ ?\[…\]$/, '…');
    // A password-protected WordPress post is no story for every reader.
    if (url && !o.content?.protected)
      out.push({
        // A post without a title (a microblog note) is titled by the start of its text.
        title: plainText(title) || clamp(excerpt, 80) || url,
        url,
        excerpt: clamp(excerpt, 400),
        // Only what a Date can hold (a hostile 1e400 cannot).
        date: Math.abs(time!) < 8.64e15 ? time : undefined,
        // A URL ending in "/" is a folder (Squarespace's assetUrl of a post without a thumbnail).
        image: href(/\/$/.test(image) || image, base),
        minutes: minutes(body),
      });
  }
  return out;
};
