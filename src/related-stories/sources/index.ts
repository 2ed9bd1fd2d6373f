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

/** Why a feed could not be used, as `related-stories-error` names it. */
export type Reason = 'network' | 'status' | 'timeout' | 'too-large' | 'parse';

/** Feeds are read whole before parsing; past this, the answer is not a feed worth the reader's data. */
const MAX_BYTES = 5e6;

/**
 * Fetches the feed at `src` (no cookies) and reads at most `max` stories from it, as `format`.
 * Returns them with the format found and the body's size in bytes. Throws an Error whose `reason`
 * says at which step it failed (`network`, `status`, `too-large`, `parse`) and whose message gives
 * the browser's or the server's own words: WordPress says what was wrong in its JSON.
 */
export async function read(
  src: string,
  format: Format | 'auto',
  max: number,
  signal: AbortSignal,
): Promise<{ format: Format; stories: Story[]; size: number }> {
  let reason: Reason = 'network';
  try {
    const response = await fetch(src, { signal, credentials: 'omit' });
    reason = 'status';
    if (!response.ok) throw Error(`${response.status} ${(await response.json().catch(() => 0))?.message ?? ''}`.trim());
    reason = 'too-large';
    let bytes: Uint8Array;
    const length = response.headers.get('content-length');
    if (length) {
      // Known and small enough: read at once (a stream read shows as cancelled in DevTools).
      if (+length > MAX_BYTES) throw Error();
      bytes = new Uint8Array(await response.arrayBuffer());
    } else {
      const reader = response.body!.getReader();
      const chunks: Uint8Array[] = [];
      for (let size = 0, chunk; !(chunk = await reader.read()).done; ) {
        chunks.push(chunk.value);
        if ((size += chunk.value.length) > MAX_BYTES) {
          reader.cancel();
          throw Error();
        }
      }
      bytes = new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer());
    }
    reason = 'parse';
    const type = response.headers.get('content-type');
    return { ...parse(decode(bytes, type), format, response.url || src, max, type), size: bytes.length };
  } catch (error) {
    throw Object.assign(error instanceof Error ? error : Error(), { reason });
  }
}
