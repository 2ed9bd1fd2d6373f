/**
 * The quick exit of `<content-notice exit-href>`, without Lit: the page-wide Shift ×3 detector, and
 * the blanking of the page, undone when the back/forward cache brings the page back. Short names,
 * because every byte here is in the CDN bundle.
 */

import { safeUrl } from '../shared/url.js';

/** A notice, as the quick exit sees it. */
export interface Exit {
  readonly isConnected: boolean;
  exitHref?: string;
  exit(): void;
}

/** Notices that may exit, in the order they armed: the first one's `exit()` answers the keyboard. */
const armed = new Set<Exit>();

/** Lone Shift presses counted (`n`), the `timeStamp` of the last (`t`), whether Shift is down alone now (`a`). */
let n = 0;
let t = 0;
let a = false;

/** While the page is blank: its title before, and the status element. */
let was = '';
let status: HTMLElement | undefined;

/**
 * The page's one key listener (`keydown` and `keyup`), also its `pageshow` listener once it is blank.
 * Shift pressed three times in a row, each within 5 s of the one before, exits. A Shift counts only
 * when it was pressed alone: no other key went down or up while it was held (Shift+A, a capital typed
 * in a journal), no Ctrl, Alt or Meta with it; its auto-repeat is ignored. Any other key starts over.
 * It counts on key-up, as GOV.UK's does, so a Shift that turns out to be a modifier never counts.
 */
function on(event: Event): void {
  const e = event as KeyboardEvent & PageTransitionEvent;
  if (e.key != 'Shift') {
    a = false;
    n = 0;
    // Back from the back/forward cache after an exit: the page is the reader's again.
    if (e.persisted && status) {
      document.body.style.display = '';
      document.title = was;
      status.remove();
      status = undefined;
    }
  } else if (e.type == 'keydown') {
    if (!e.repeat) a = !(e.ctrlKey || e.altKey || e.metaKey);
  } else if (a) {
    a = false;
    n = e.timeStamp - t < 5e3 ? n + 1 : 1;
    t = e.timeStamp;
    if (n > 2) {
      n = 0;
      [...armed][0]?.exit();
    }
  }
}

/**
 * Arms a notice that is on the page with a valid `exit-href`, disarms it otherwise, and returns that
 * URL (`null` when it is not valid). While any notice is armed the page has one `keydown` and one
 * `keyup` listener (capture, on `window`, so nothing on the page can stop them first): the platform
 * adds a listener once however often it is added, and removing an absent one does nothing.
 */
export function arm(notice: Exit): string | null {
  const href = safeUrl(notice.exitHref);
  armed[notice.isConnected && href ? 'add' : 'delete'](notice);
  for (const type of ['keydown', 'keyup']) (armed.size ? addEventListener : removeEventListener)(type, on, true);
  return href;
}

/**
 * Blanks the page at once: `<body>` hidden (CSSOM with `!important`, so no theme rule shows it and a
 * strict CSP allows it), the title replaced by `text`, and `text` in a polite status element on
 * `<html>`, outside the hidden body, written after it is inserted so screen readers announce it.
 */
export function blank(text: string): void {
  if (!status) {
    was = document.title;
    status = document.createElement('div');
    status.role = 'status';
    document.documentElement.append(status);
    document.body.style.setProperty('display', 'none', 'important');
    addEventListener('pageshow', on);
  }
  document.title = status.textContent = text;
}

/** Where the exit goes; tests replace `go` so that they never leave their page. */
export const nav = { go: (href: string) => location.replace(href) };

/**
 * The exit, in the order that matters: blank the page, tell the page's other elements
 * (`content-notice-exit` on `document`: a journal empties its fields), then let the neutral page
 * replace this one in the history.
 */
export function leave(href: string, text: string): void {
  blank(text);
  document.dispatchEvent(new Event('content-notice-exit', { bubbles: true }));
  nav.go(href);
}
