import type { Format, Story } from '../story.js';
import { atom } from './atom.js';
import type { Json } from './build.js';
import { jsonFeed } from './json-feed.js';
import { rss } from './rss.js';
import { squarespace } from './squarespace.js';
import { wordpress } from './wordpress.js';
import { feedDocument } from './xml.js';

const parsers = { wordpress, squarespace, jsonfeed: jsonFeed, rss, atom };

/**
 * Bytes to text: BOM, then XML declaration encoding (XML only), then Content-Type charset, else
 * UTF-8, falling back to windows-1252 when the bytes are not valid UTF-8. Never throws.
 */
export function decode(bytes: Uint8Array, contentType?: string | null): string {
  const b = bytes[0];
  // No XML or JSON body starts with a byte over 0xEE but a byte order mark.
  const label =
    b > 238
      ? 'utf-' + (b < 254 ? 8 : b < 255 ? '16be' : '16le')
      : (/^\s*<\?xml[^>]+encoding=.([\w-]+)/.exec(String.fromCharCode(...bytes.subarray(0, 99))) ??
          /charset="?([\w-]+)/i.exec(contentType!))?.[1];
  // An unknown label throws too, and falls through to UTF-8; windows-1252 maps every byte.
  for (const l of [label, 'utf-8', 'windows-1252'])
    try {
      return new TextDecoder(l, { fatal: true }).decode(bytes);
    } catch {
      /* next */
    }
  return '';
}

/**
 * Parses a feed body. format 'auto' sniffs (body first, Content-Type as a hint). Returns at most
 * `max` stories in feed order. Throws an Error (short message saying what it is not) when the body
 * is not a feed of that format (HTML page, truncated JSON, WordPress error object, parsererror).
 */
export function parse(
  text: string,
  format: Format | 'auto',
  base: string,
  max: number,
  contentType?: string | null,
): { format: Format; stories: Story[] } {
  // Leading white space before an XML declaration is a parse error; some feeds have it.
  const body = text.trim();
  const json = /^[[{]/.test(body);
  const data: Json = json ? JSON.parse(body) : feedDocument(body, max);
  const f: Format =
    format != 'auto'
      ? format
      : !json
        ? data.documentElement.tagName == 'feed'
          ? 'atom'
          : 'rss'
        : Array.isArray(data) || data.code
          ? 'wordpress'
          : data.version || /feed\+json/.test(contentType!)
            ? 'jsonfeed'
            : 'squarespace';
  return { format: f, stories: parsers[f](data, base, max) };
}
