/**
 * What a scheduler's frame needs, loaded when the reader first opens one (in the CDN build, a file of
 * its own): the URL its embed loads, where its messages come from and what they say. Pure: no DOM,
 * no Lit. Sources: docs/decisions.md.
 */
import type { ProviderName } from './providers.js';

/** What a message says: a height in CSS px, that a booking was made, or (Cal.com) that the frame waits for us. */
export type ProviderMessage = { height?: number; scheduled?: true; ready?: true };

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
    // whose body stays hidden until the parent answers (see readyAnswer).
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

/**
 * What a message's `data` says, or `null` when it is not exactly one of this provider's known
 * messages. `data` comes from postMessage, a structured clone: plain data, no getters or prototypes.
 * Only a height (CSS px, finite, 0 < h < 100000) or a flag ever leaves a payload. Calendly sends
 * `{event, payload}` with a CSS length ("1200px"); Cal.com `{originator: 'CAL', fullType: 'CAL::<type>',
 * data}` (our frame's namespace is '') with a number.
 */
export const readMessage = (name: ProviderName, data: unknown): ProviderMessage | null => {
  const d = Object(data);
  const cal = name == 'cal';
  const type = cal ? d.originator === 'CAL' && d.fullType : name == 'calendly' && d.event;
  const payload = cal ? d.data : d.payload;
  // Each provider's own prefix first, so one provider never answers to another's message names.
  if (typeof type != 'string' || type.indexOf(cal ? 'CAL::' : 'calendly.') || typeof payload != 'object' || !payload) return null;
  if (type == 'CAL::__iframeReady') return { ready: true };
  if (/^(CAL::bookingSuccessful(V2)?|calendly\.event_scheduled)$/.test(type)) return { scheduled: true };
  const px = payload.height;
  // Calendly's "1200px", strictly: no "1e9px", no " 12px", no bare number.
  const h = cal
    ? type == 'CAL::__dimensionChanged' && payload.iframeHeight
    : type == 'calendly.page_height' && typeof px == 'string' && /^\d+(\.\d+)?px$/.test(px) && parseFloat(px);
  return typeof h == 'number' && h > 0 && h < 1e5 ? { height: h } : null;
};

/**
 * The answer Cal.com's frame waits for after it says `__iframeReady`: until it comes, the page keeps
 * its body hidden. Cal.com's embed.js posts the same. Sent to `messageOrigin()` only.
 */
export const readyAnswer = { originator: 'CAL', method: 'parentKnowsIframeReady' };
