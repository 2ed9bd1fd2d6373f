// Story-only tools: a visible copy of the console warnings a story expects, a switch that makes
// localStorage throw the way a browser with blocked site data does, a hostile theme around a story, and
// the args helpers every element's stories share.
import { html } from 'lit';
import hostileThemeCss from '../demo/hostile-theme.css?inline';

type Listener = (message: string) => void;
const listeners = new Set<Listener>();

/** Calls `listener` with every `console.warn` until the returned function is called. */
function onWarn(listener: Listener): () => void {
  if (!listeners.size && !(console.warn as { echoed?: boolean }).echoed) {
    const original = console.warn;
    console.warn = Object.assign(
      (...data: unknown[]) => {
        original.apply(console, data);
        for (const each of listeners) each(data.map(String).join(' '));
      },
      { echoed: true },
    );
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The part of a story context these helpers need (any story's context has it). */
interface Context {
  id: string;
}

const logId = (context: Context) => `console-${context.id}`;
const logStyle = 'margin: 0.25em 0 0; padding: 0.5em 0.75em; white-space: pre-wrap; background: #f4f1ec; color: #2f2a26';

/**
 * Shows, under the story, the console warnings that match `pattern`, so the message a site owner
 * would find in the browser console is visible without opening it. Use with `echoWarnings` in
 * `beforeEach`.
 */
export const withConsole = (story: () => unknown, context: Context) => html`
  ${story()}
  <figure style="margin: 1.5em 0 0; font: 0.85rem/1.5 ui-monospace, monospace">
    <figcaption style="font-weight: 600">Browser console</figcaption>
    <pre id=${logId(context)} style=${logStyle}>(no warnings yet)</pre>
  </figure>
`;

/** `beforeEach`: copies the matching warnings into the story's console box. */
export function echoWarnings(pattern: RegExp) {
  return (context: Context) => {
    let first = true;
    return onWarn((message) => {
      const log = document.getElementById(logId(context));
      if (!log || !pattern.test(message)) return;
      log.textContent = (first ? '' : `${log.textContent}\n`) + `⚠ ${message}`;
      first = false;
    });
  };
}

/** `beforeEach`: reading `localStorage` throws a SecurityError (blocked site data) until cleanup. */
export function blockLocalStorage(): () => void {
  const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    enumerable: true,
    get() {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    },
  });
  return () => {
    if (original) Object.defineProperty(window, 'localStorage', original);
  };
}

/** A decorator: the story inside post content of a theme that forces `display` and restyles every button. */
export const inHostileTheme = (story: () => unknown) => html`
  <style>
    ${hostileThemeCss}
  </style>
  <div class="hostile-theme">
    <div class="entry-content">
      <p>Post text, restyled by the theme.</p>
      ${story()}
      <button type="button">A theme button</button>
    </div>
  </div>
`;

/** Only the custom properties a story's args set (`--name`), as a `style` attribute. */
export function styleOf(args: object): string | undefined {
  const declarations = Object.entries(args)
    .filter(([name, value]) => name.startsWith('--') && typeof value === 'string' && value.trim())
    .map(([name, value]) => `${name}: ${value}`);
  return declarations.length ? declarations.join('; ') : undefined;
}

/** Empty text from a cleared control means "not set", like a missing attribute. */
export const text = (value: string | undefined) => (value?.trim() ? value : undefined);
