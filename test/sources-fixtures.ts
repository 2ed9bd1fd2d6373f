import { readFile } from '@web/test-runner-commands';
import type { Format } from '../src/related-stories/story.js';
import { decode, parse } from '../src/related-stories/sources/index.js';

/**
 * A fixture's exact bytes. Not `fetch()`: the test server hands every text-like file through its
 * transform step as a UTF-8 string, which turns windows-1251 and Latin-1 bytes into U+FFFD.
 */
export const bytes = async (path: string): Promise<Uint8Array<ArrayBuffer>> => {
  const base64 = await readFile({ path: 'fixtures/' + path, encoding: 'base64' });
  if (base64 === undefined) throw new Error('no fixture ' + path);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
};

/** A fixture decoded the way the element decodes a response. */
export const text = async (path: string, contentType?: string): Promise<string> => decode(await bytes(path), contentType);

/** A fixture parsed as the element parses a response from `base`. */
export const feed = async (path: string, base: string, format: Format | 'auto' = 'auto', max = 100, contentType?: string) =>
  parse(await text(path, contentType), format, base, max, contentType);

/** An instant written in ISO 8601 with a zone, as the fixture READMEs give them, in epoch ms. */
export const at = (iso: string): number => Date.parse(iso);

/** The error a call throws, or undefined. */
export const thrown = (f: () => unknown): Error | undefined => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  return undefined;
};
