import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { GentleElement } from '../shared/base.js';
import { sharedStyles } from '../shared/styles.js';
import { safeUrl } from '../shared/url.js';
import { styles } from './book-call-cta.styles.js';
import { detectProvider, providerLabel, providerNames, reservedHeight, withUtm, type ProviderName } from './providers.js';
import { keys, strings, type BookCallCtaString } from './strings.js';

export type { ProviderName as BookCallCtaProvider } from './providers.js';
export type BookCallCtaMode = 'link' | 'popup' | 'inline';

/** `detail` of `book-call-cta-close` and `book-call-cta-scheduled`: the scheduler's name, nothing personal. */
export interface BookCallCtaEventDetail {
  provider: ProviderName;
}
/** `detail` of `book-call-cta-open`: the scheduler and how it opens. */
export interface BookCallCtaOpenDetail extends BookCallCtaEventDetail {
  mode: BookCallCtaMode;
}

const MODES: readonly string[] = ['link', 'popup', 'inline'];
/**
 * What the scheduler's frame may do: run in its own origin (its cookies, its scripts), send its form,
 * and open payment or calendar pages as ordinary tabs. Not: navigate this page, or open modals in it.
 * (lit-analyzer knows `sandbox` as one token, not a list, hence the cast where it is bound.)
 */
const SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox';
/** Tallest an inline scheduler may grow, in CSS px, whatever its messages say. */
const TALLEST = 2400;
/** What the scheduler's frame needs, loaded when the reader first opens one (in the CDN build, a file of its own). */
const scheduler = () => import('./scheduler.js');

/**
 * A call to book a session: your heading, your words and a real link to your booking page, which
 * work without JavaScript. Upgraded, the link becomes a button that opens the booking page in a new
 * tab, in a dialog, or in place of a placeholder on the page. Nothing is loaded from the scheduler
 * (Calendly, Cal.com, TidyCal, Acuity) until the reader presses it.
 *
 * @tag book-call-cta
 *
 * @slot - A heading and text, then the link to the booking page (the last link is the booking link, best on its own line).
 *
 * @attr {string} book-label - The button's label when the booking link has no text (default: localised "Book a call").
 * @attr {string} close-label - The dialog's close button (default: localised "Close").
 * @attr {string} consent-label - The line naming the scheduler when `consent="required"`; `{name}` is its name.
 * @attr {string} elsewhere-label - The link that opens the booking page in a new tab instead.
 *
 * @event {CustomEvent<BookCallCtaOpenDetail>} book-call-cta-open - The reader asks to book; cancel it to keep the scheduler closed.
 * @event {CustomEvent<BookCallCtaEventDetail>} book-call-cta-close - The reader closed the dialog.
 * @event {CustomEvent<BookCallCtaEventDetail>} book-call-cta-scheduled - The scheduler says a booking was made. The detail holds no personal data.
 *
 * @csspart cta - The box around everything.
 * @csspart button - The link or button that opens the booking page.
 * @csspart label - The call to action as plain text, when there is no usable booking link.
 * @csspart consent - The line that names the scheduler before anything loads from it.
 * @csspart elsewhere - The link that opens the booking page in a new tab instead.
 * @csspart frame - The inline placeholder, then the inline scheduler's box.
 * @csspart dialog - The dialog that holds the scheduler.
 * @csspart close-button - The dialog's close button.
 * @csspart iframe - The scheduler's frame.
 *
 * @cssproperty [--book-call-cta-surface=var(--gentle-surface, a 7% tint of the accent)] - Background of the box.
 * @cssproperty [--book-call-cta-padding=1.25em] - Space inside the box.
 * @cssproperty [--book-call-cta-button-text=#fff] - Text colour of the button, whose background is the accent.
 * @cssproperty [--gentle-accent=#3b6e66] - Accent shared by every gentle-widgets element: the button and focus rings.
 * @cssproperty [--gentle-surface] - Background shared by every element.
 * @cssproperty [--gentle-radius=0.5em] - Corner radius of the box, the button and the dialog.
 * @cssproperty [--gentle-font=inherit] - Font of the element; the page's by default.
 * @cssproperty [--gentle-gap=1em] - Space above and below the element.
 */
export class BookCallCtaElement extends GentleElement {
  /** @internal */
  static override defaultTag = 'book-call-cta';
  static override styles = [sharedStyles, styles];
  // The booking link's line is left out of the slot by hand: the shadow root renders the button instead.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, slotAssignment: 'manual' };
  static override properties = {
    href: {},
    provider: {},
    mode: { reflect: true },
    consent: { reflect: true },
    utmSource: { attribute: 'utm-source' },
    utmMedium: { attribute: 'utm-medium' },
    utmCampaign: { attribute: 'utm-campaign' },
    // Every `<key>-label` attribute re-renders the element when it changes.
    ...Object.fromEntries(keys.map((key) => [`${key}-label`, {}])),
  };

  /** The booking page; overrides the link in the element. Only `https:` (or `http:` on localhost) is used. */
  href?: string;

  /** The scheduler: `calendly`, `cal` (Cal.com, also self-hosted), `tidycal`, `acuity` or `link`; detected from the URL when unset. */
  provider?: 'calendly' | 'cal' | 'tidycal' | 'acuity' | 'link';

  /** How the booking page opens: `link` (a new tab), `popup` (a dialog) or `inline` (in place, after a click). */
  mode: 'link' | 'popup' | 'inline' = 'link';

  /** `required` names the scheduler beside the button before anything loads, and offers a new tab instead. */
  consent?: 'required';

  /** Sets `utm_source` on the booking URL. */
  utmSource?: string;

  /** Sets `utm_medium` on the booking URL. */
  utmMedium?: string;

  /** Sets `utm_campaign` on the booking URL. */
  utmCampaign?: string;

  /** The checked booking URL with its UTM parameters, or `null`. */
  #url: string | null = null;
  #provider: ProviderName = 'link';
  #mode: BookCallCtaMode = 'link';
  /** The light-DOM link to the booking page, and the child that holds it on a line of its own. */
  #link: HTMLAnchorElement | undefined;
  #line: Node | undefined;
  /** Whether the scheduler's frame exists: the reader has opened it once. */
  #loaded = false;
  /** The frame's code, once loaded. */
  #frame?: Awaited<ReturnType<typeof scheduler>>;
  #height = 0;
  #observer?: MutationObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    // Made here, not with the instance: server-side rendering constructs elements without a DOM.
    this.#observer ??= new MutationObserver(() => this.requestUpdate());
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true, attributeFilter: ['href'] });
    addEventListener('message', this.#onMessage);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    removeEventListener('message', this.#onMessage);
  }

  /**
   * Opens the booking page as `mode` says, unless a `book-call-cta-open` listener cancels. From
   * script, a `link` opens a new tab only inside a click handler, as browsers block other pop-ups.
   */
  open(): void {
    if (!this.#announce()) return;
    const url = this.#url!;
    if (this.#mode === 'link') window.open(url, '_blank', 'noopener');
    else {
      scheduler().then(
        async (frame) => {
          this.#frame = frame;
          this.#loaded = true;
          this.requestUpdate();
          await this.updateComplete;
          // Inline, the button makes way for the frame: focus follows, so keyboard readers keep their place.
          if (this.#mode === 'popup') this.#dialog?.showModal();
          else this.renderRoot.querySelector('iframe')?.focus();
        },
        // Its code did not load (offline, or the file is missing): the booking page opens in a new tab.
        () => window.open(url, '_blank', 'noopener'),
      );
    }
  }

  /** Closes the dialog. */
  close(): void {
    this.#dialog?.close();
  }

  get #dialog() {
    return this.renderRoot.querySelector('dialog');
  }

  /** Fires `book-call-cta-open`; `false` when there is nothing to open or a listener cancelled. */
  #announce(): boolean {
    return !!this.#url && this.emit('book-call-cta-open', { provider: this.#provider, mode: this.#mode }, { cancelable: true });
  }

  /** Warns that `what` cannot work and names what would; the booking page opens in a new tab instead. */
  #fallBack(what: string, known: readonly string[]): 'link' {
    this.warnOnce('cta-fall-back', what, known.join(', '));
    return 'link';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const link = (this.#link = [...this.querySelectorAll('a[href]')].pop() as HTMLAnchorElement | undefined);
    const text = link?.textContent?.trim();
    this.#line = [...this.childNodes].find((node) => node.contains(link!) && node.textContent?.trim() === text);
    const raw = this.href ?? link?.getAttribute('href');
    const url = safeUrl(raw, { httpsOnly: true });
    this.#url = url && withUtm(url, { source: this.utmSource, medium: this.utmMedium, campaign: this.utmCampaign });
    if (!raw?.trim()) this.warnOnce('cta-no-link');
    else if (!url) this.warnOnce('cta-refused', raw);

    let provider = this.provider ?? (url ? detectProvider(url) : 'link');
    if (!providerNames.includes(provider)) {
      provider = this.#fallBack(`provider="${provider}" is unknown`, providerNames);
    }
    let mode = this.mode;
    if (!MODES.includes(mode)) {
      mode = this.#fallBack(`mode="${mode}" is unknown`, MODES);
    } else if (url && mode !== 'link' && provider === 'link') {
      mode = this.#fallBack(`mode="${mode}" needs a scheduler it knows`, providerNames.slice(0, 4));
    }
    // Another scheduler, or another way to show it, waits for the reader again.
    if (changed.has('mode') || provider !== this.#provider) {
      this.#loaded = false;
      this.#height = 0;
    }
    this.#provider = provider;
    this.#mode = mode;
  }

  protected override updated(): void {
    this.renderRoot
      .querySelector('slot')!
      .assign(...[...this.childNodes].filter((node) => node !== this.#line && node.nodeType < 4 /* element or text */) as (Element | Text)[]);
    this.#size();
  }

  /** The scheduler's height: its own latest message, never below what was reserved, never absurd. */
  #size(): void {
    const reserved = reservedHeight(this.#provider);
    const height = Math.min(Math.max(this.#height, reserved), TALLEST);
    (this.renderRoot.querySelector('.cta') as HTMLElement | null)?.style.setProperty('--_h', `${height}px`);
  }

  /** Counts a message only from the scheduler's exact origin and from our own frame's window. */
  readonly #onMessage = (event: MessageEvent) => {
    const frame = this.renderRoot.querySelector('iframe');
    const code = this.#frame;
    if (!this.#url || !frame || !code || event.source !== frame.contentWindow || event.origin !== code.messageOrigin(this.#provider, this.#url)) return;
    const message = code.readMessage(this.#provider, event.data);
    if (message?.ready) frame.contentWindow!.postMessage(code.readyAnswer, event.origin);
    if (message?.height) {
      this.#height = message.height;
      this.#size();
    }
    if (message?.scheduled) this.emit('book-call-cta-scheduled', { provider: this.#provider });
  };

  // Safari does not focus a clicked button, so the browser alone would not bring focus back to it.
  readonly #onClose = () => {
    (this.renderRoot.querySelector('[part=button]') as HTMLElement).focus();
    this.emit('book-call-cta-close', { provider: this.#provider });
  };

  protected override render() {
    const url = this.#url;
    const name = url ? providerLabel(this.#provider, url) : '';
    const t = (key: BookCallCtaString) => this.label(strings, key).replace('{name}', name);
    const mode = this.#mode;
    const label = this.#link?.textContent?.trim() || t('book');
    const consent = url && this.consent === 'required' && !(mode === 'inline' && this.#loaded);
    const described = consent ? 'consent' : nothing;
    const frame = this.#loaded
      ? html`<iframe
          part="iframe"
          title="${label} (${name})"
          src=${this.#frame!.embedUrl(this.#provider, url!, location.host, mode as 'popup' | 'inline')}
          sandbox=${SANDBOX as 'allow-scripts'}
          referrerpolicy="strict-origin-when-cross-origin"
        ></iframe>`
      : nothing;
    const button =
      mode === 'link'
        ? html`<a part="button" href=${url!} target="_blank" rel="noopener" aria-describedby=${described} @click=${this.#onClick}>
            ${label}
          </a>`
        : html`<button part="button" aria-haspopup=${mode === 'popup' ? 'dialog' : 'false'} aria-describedby=${described} @click=${this.open}>
            ${label}
          </button>`;
    const elsewhere =
      mode === 'link' ? nothing : html`<a part="elsewhere" href=${url!} target="_blank" rel="noopener">${t('elsewhere')}</a>`;
    const line = consent ? html`<p part="consent" id="consent">${t('consent')} ${elsewhere}</p>` : nothing;
    const facade = html`<div class="facade">${button}${line}</div>`;
    const dialog =
      mode === 'popup'
        ? html`<dialog part="dialog" aria-labelledby="title" @close=${this.#onClose}>
            <div class="bar">
              <strong id="title">${label}</strong>
              <button part="close-button" @click=${this.close}>${t('close')}</button>
            </div>
            ${frame}
          </dialog>`
        : nothing;
    const action = !url
      ? this.#link || this.href
        ? html`<p part="label">${label}</p>`
        : nothing
      : mode === 'inline'
        ? html`<div part="frame">${this.#loaded ? frame : facade}</div>`
        : html`${button}${line}${dialog}`;
    return html`<div part="cta" class="cta"><slot></slot>${action}</div>`;
  }

  readonly #onClick = (event: MouseEvent) => {
    if (!this.#announce()) event.preventDefault();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'book-call-cta': BookCallCtaElement;
  }
  interface GlobalEventHandlersEventMap {
    'book-call-cta-open': CustomEvent<BookCallCtaOpenDetail>;
    'book-call-cta-close': CustomEvent<BookCallCtaEventDetail>;
    'book-call-cta-scheduled': CustomEvent<BookCallCtaEventDetail>;
  }
}
