/** Schemes a link may use beyond http(s), for links meant for them (a crisis line's `tel:`). */
export type ExtraScheme = 'tel:' | 'mailto:';

export interface SafeUrlOptions {
  /** Base for relative URLs; defaults to the document's base URI. */
  base?: string;
  /** Extra schemes allowed for this link, e.g. `['tel:']` for a phone line. */
  allow?: readonly ExtraScheme[];
  /** Only `https:`, with `http:` allowed on localhost/127.0.0.1 (booking pages). */
  httpsOnly?: boolean;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The one URL rule: every URL the library writes passes through here. Returns the absolute URL,
 * or `null` for anything else (`javascript:`, `data:`, `blob:`, unparseable input).
 */
export function safeUrl(value: string | null | undefined, options: SafeUrlOptions = {}): string | null {
  if (value == null) return null;
  // The URL parser drops tabs and newlines anywhere ("java\tscript:"), so the scheme is checked
  // on what it parsed, never on the raw string.
  const trimmed = value.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed, options.base ?? document.baseURI);
  } catch {
    return null;
  }
  const { protocol, hostname } = url;
  if (options.httpsOnly) {
    if (protocol === 'https:' || (protocol === 'http:' && LOCAL_HOSTS.has(hostname))) return url.href;
    return null;
  }
  if (protocol === 'https:' || protocol === 'http:') return url.href;
  if (options.allow?.includes(protocol as ExtraScheme)) return url.href;
  return null;
}
