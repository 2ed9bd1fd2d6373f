/**
 * What each scheduler needs from us before the reader opens it: which URLs are its own, its name,
 * the height it reserves. What its frame needs is in `scheduler.ts`. Pure: no DOM, no Lit.
 * Sources: docs/decisions.md.
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

/** Height in CSS px the inline frame reserves before any message: the provider's default. */
export const reservedHeight = (name: ProviderName): number => heights[providerNames.indexOf(name)];
