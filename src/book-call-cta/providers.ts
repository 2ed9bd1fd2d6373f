/**
 * What each scheduler needs from us: which URLs are its own, the URL its embed loads, where its
 * messages come from and what they say. Pure: no DOM, no Lit. Sources: docs/decisions.md.
 */
export type ProviderName = 'calendly' | 'cal' | 'tidycal' | 'acuity' | 'link';

/** Every value the `provider` attribute accepts. The tables below follow this order. */
export const providerNames: readonly ProviderName[] = ['calendly', 'cal', 'tidycal', 'acuity', 'link'];

// Cal.com cloud is cal.com, cal.eu and their subdomains (app., organisations); a self-hosted
// Cal.com cannot be told from its hostname, so it needs provider="cal".
const hosts = [/^calendly\.com$/, /(^|\.)cal\.(com|eu)$/, /^tidycal\.com$/, /\.(as\.me|acuityscheduling\.com)$/];
const labels = ['Calendly', 'Cal.com', 'TidyCal', 'Acuity Scheduling'];
// The height each provider's own snippet or embed stylesheet gives the frame; TidyCal's sets none.
const heights = [630, 450, 630, 800, 0];

type Message = { height?: number; scheduled?: true };

/** An own data property of an object: never inherited, never a getter. */
const get = (o: unknown, k: string): unknown =>
  o && typeof o == 'object' ? Object.getOwnPropertyDescriptor(o, k)?.value : undefined;

// Per provider with messages: the key naming the message, the names we know (group 1 matches a
// height message), and the keys of the payload and of its height. Calendly sends {event, payload}
// with a CSS length ("1200px"); Cal.com {originator: 'CAL', fullType: 'CAL::<type>', data} (our
// frame's namespace is '') with a number.
const kinds: [string, RegExp, string, string][] = [
  ['event', /^calendly\.(?:(page_height)|event_scheduled)$/, 'payload', 'height'],
  ['fullType', /^CAL::(?:(__dimensionChanged)|bookingSuccessful(?:V2)?)$/, 'data', 'iframeHeight'],
];

/** The provider a booking URL (absolute, already checked https) belongs to; `link` when none. */
export const detectProvider = (url: string): ProviderName => {
  const host = new URL(url).hostname;
  // findIndex gives -1 when none matches, and at(-1) is 'link'.
  return providerNames.at(hosts.findIndex((r) => r.test(host)))!;
};

/** The provider's name in plain words for the consent line; for `link`, the URL's hostname. */
export const providerLabel = (name: ProviderName, url: string): string =>
  labels[providerNames.indexOf(name)] ?? new URL(url).hostname;

/** The booking URL with utm_source/utm_medium/utm_campaign set from the non-empty values given. */
export const withUtm = (
  url: string,
  utm: { source?: string | null; medium?: string | null; campaign?: string | null },
): string => {
  const u = new URL(url);
  for (const k of ['source', 'medium', 'campaign'] as const) {
    const v = utm[k]?.trim();
    if (v) u.searchParams.set('utm_' + k, v);
  }
  return u.href;
};

/** The URL the iframe loads: `url` plus the embed flags the provider's own embed script adds.
 *  `embedDomain`: the host page's `location.host` (port included), which Calendly's widget.js sends. */
export const embedUrl = (name: ProviderName, url: string, embedDomain: string, mode: 'popup' | 'inline'): string => {
  const u = new URL(url);
  const q = u.searchParams;
  const inline = mode == 'inline';
  if (name == 'calendly') {
    // Calendly posts messages only to pages that name their domain.
    q.set('embed_domain', embedDomain);
    q.set('embed_type', inline ? 'Inline' : 'PopupText');
  } else if (name == 'cal') {
    // Cal.com's embed.js loads the app host, not the marketing site, and the page's /embed form,
    // whose body stays hidden until the parent answers (see greeting).
    u.hostname = u.hostname.replace(/^cal\.(com|eu)$/, 'app.$&');
    u.pathname = u.pathname.replace(/(\/embed)?\/*$/, '/embed');
    q.set('embed', '');
    q.set('embedType', inline ? 'inline' : 'modal');
  } else if (name == 'acuity') {
    q.set('ref', 'embedded_csp');
  }
  return u.href;
};

/** The exact origin the provider's messages come from: the origin of the page the frame loads. */
export const messageOrigin = (name: ProviderName, url: string): string => new URL(embedUrl(name, url, '', 'inline')).origin;

/** What a message's `data` says, or `null` when it is not exactly one of this provider's known
 *  messages. Only a height (CSS px, finite, > 0) or `scheduled` ever leaves a payload. */
export const readMessage = (name: ProviderName, data: unknown): Message | null => {
  const i = providerNames.indexOf(name);
  // Providers with no messages we know get a pattern that matches nothing.
  const [key, names, payload, height] = kinds[i] ?? ['', /$^/, '', ''];
  const t = get(data, key);
  const p = get(data, payload);
  const m = typeof t == 'string' && p && typeof p == 'object' && (!i || get(data, 'originator') === 'CAL') ? names.exec(t) : null;
  if (!m) return null;
  if (!m[1]) return { scheduled: true };
  let h = get(p, height);
  // Calendly's "1200px", strictly: no "1e9px", no " 12px", no bare number.
  if (!i) h = typeof h == 'string' && /^\d+(\.\d+)?px$/.test(h) ? parseFloat(h) : NaN;
  // Nothing scheduler-sized is 100000 px tall.
  return typeof h == 'number' && h > 0 && h < 1e5 ? { height: h } : null;
};

/** Height in CSS px the inline frame reserves before any message: the provider's default. */
export const reservedHeight = (name: ProviderName): number => heights[providerNames.indexOf(name)];

/** What the host must post back into the frame (targetOrigin messageOrigin()) after it sent `data`,
 *  or `undefined`. Cal.com's frame announces `__iframeReady` and keeps its body hidden until the
 *  parent answers `parentKnowsIframeReady`, as Cal.com's embed.js does. */
export const greeting = (name: ProviderName, data: unknown): { originator: 'CAL'; method: string } | undefined =>
  name == 'cal' && get(data, 'originator') === 'CAL' && get(data, 'fullType') === 'CAL::__iframeReady'
    ? { originator: 'CAL', method: 'parentKnowsIframeReady' }
    : undefined;
