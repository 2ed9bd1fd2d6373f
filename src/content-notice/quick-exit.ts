/**
 * The notice's quick exit, without Lit: the page's Shift ×3 detector, and the blank page, undone when
 * the back/forward cache brings the page back. The notice imports it as soon as it has an `exit-href`
 * (in the CDN build it is a file beside the bundle), so pages without a quick exit never load it.
 */
import { safeUrl } from '../shared/url.js';

/** A notice, as the quick exit sees it. */
export interface Exit {
  readonly isConnected: boolean;
  exitHref?: string;
  exit(): void;
}

/** Armed notices in the order they armed: the first one answers the keyboard. */
const armed = new Set<Exit>();

/** Lone Shifts counted (`n`), the `timeStamp` of the last (`t`), Shift down alone now (`a`). */
let n = 0;
let t = 0;
let a = false;

/** While the page is blank: its title before, and the status element. */
let was = '';
let status: HTMLElement | undefined;

/**
 * The page's one `keydown`/`keyup` listener, and its `pageshow` listener once blank. Three lone Shifts,
 * each within 5 s of the one before, exit. Alone means no other key went down or up while Shift was held
 * (Shift+A, a capital typed in a journal) and no Ctrl, Alt or Meta with it; auto-repeat is ignored and any
 * other key starts over. Counted on key-up, as GOV.UK does, when Shift has turned out not to be a modifier.
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
 * Arms a connected notice with a valid `exit-href`, disarms it otherwise; returns the URL or `null`.
 * One capture listener pair on `window` while any is armed: the platform adds a listener once however
 * often it is added, and removing an absent one does nothing.
 */
export function arm(notice: Exit): string | null {
  const href = safeUrl(notice.exitHref);
  armed[notice.isConnected && href ? 'add' : 'delete'](notice);
  for (const type of ['keydown', 'keyup']) (armed.size ? addEventListener : removeEventListener)(type, on, true);
  return href;
}

/**
 * Blanks the page: `<body>` hidden through CSSOM with `!important` (no theme rule wins, a strict CSP
 * allows it), `text` as the title and in a polite status on `<html>`, written once it is in the page
 * so screen readers announce it.
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

/** Blank first, then tell the page (`content-notice-exit`: a journal empties itself), then go. */
export function leave(href: string, text: string): void {
  blank(text);
  document.dispatchEvent(new Event('content-notice-exit', { bubbles: true }));
  nav.go(href);
}
