/**
 * What each element says to the site owner when something on the page is wrong, by code. The words
 * load only when an element has something to say (`GentleElement.warn`): readers never need them, so
 * the bundle does not carry them (in the CDN build they are `gentle-widgets-warnings.js`).
 *
 * Every message names what is wrong, what the element does instead and, where there is one, the fix.
 */
/** Why a feed could not be used, by the `reason` of `related-stories-error`. */
const reasons: Record<string, string> = {
  network: 'no answer, no CORS header, or connect-src',
  status: 'status',
  timeout: 'too slow',
  'too-large': 'over 5 MB',
  parse: 'unreadable',
};

export const warnings = {
  // <content-notice>
  'notice-unsaved': () => 'could not save to storage; it will not be remembered.',
  'notice-variant': (value: string) => `variant="${value}" is unknown; use distinction, disclaimer, warning. Showing a disclaimer.`,
  'notice-gate': () => 'gate needs variant="warning"; the content stays visible.',
  'notice-empty': () => 'is empty, so it is hidden. Paste it into a Code block (Squarespace) or a Custom HTML block (WordPress).',
  'notice-remember': (value: string) => `remember="${value}" is unknown; use none, session, local. Nothing is remembered.`,
  'notice-blocked': (value: string) => `remember="${value}": storage is blocked, so the notice works but will not remember.`,
  'notice-exit': (value: string) => `exit-href="${value}" is not an http(s) URL; no quick exit.`,
  'notice-exit-code': () => 'the quick exit did not load: Shift ×3 does nothing, the button still leaves. Serve the files beside the bundle.',

  // <journal-prompts>
  'journal-empty': () => 'has no prompts: put an <ol> of <li> directly inside it, in a Code block (Squarespace) or a Custom HTML block (WordPress).',
  'journal-key': (key: string) =>
    `another journal on this page has the same storage key, so this one saves apart ("${key}"). Give each journal its own storage-key.`,
  'journal-layout': (value: string) => `layout="${value}" is unknown; use list or steps. Showing every prompt.`,
  'journal-storage': (value: string) => `storage="${value}" is unknown; use session, local or none. Keeping answers for this tab only.`,
  'journal-memory': (why: string) => `storage is ${why}, so answers are kept in memory only, until the page closes.`,
  'journal-lock': (value: string) => `lock="${value}" is unknown; use off to take the lock away. The lock stays.`,

  // <book-call-cta>
  'cta-no-link': () => 'has no booking link (an <a href> or href); showing the text alone.',
  'cta-refused': (url: string) => `refused the booking URL "${url}" (https: only); showing the text without a link.`,
  'cta-fall-back': (problem: string, known: string) => `${problem}: use ${known}. Opening a new tab instead.`,

  // <related-stories>
  'stories-src': (value: string) => `src="${value}" is not an http(s) URL; using the stories in the page.`,
  'stories-format': (value: string) => `format="${value}" is not auto, wordpress, squarespace, rss, atom, jsonfeed; using auto.`,
  'stories-layout': (value: string) => `layout="${value}" is not grid or list; using grid.`,
  'stories-show': (value: string) => `show="${value}" is not made of date, reading-time, image, excerpt; using those it knows.`,
  'stories-range': (attribute: string, value: string, min: number, max: number, fallback: number) =>
    `${attribute}="${value}" is not a number from ${min}${max < Infinity ? ` to ${max}` : ' up'}; using ${fallback}.`,
  'stories-large': (url: string, megabytes: string) => `${url} is ${megabytes} MB; a feed of fewer items loads faster.`,
  'stories-failed': (url: string, reason: string, error: string, written: boolean) =>
    `could not use ${url} (${reasons[reason] ?? reason}${error && `: ${error}`}); ` +
    (written ? 'showing the stories in the page.' : 'none are written in the page, so it is hidden.'),
  'stories-none': () => 'has no stories (a list of links, or src), so it is hidden. Paste it into a Code block (Squarespace) or a Custom HTML block (WordPress).',
};

export type Warnings = typeof warnings;
export type WarningCode = keyof Warnings;
