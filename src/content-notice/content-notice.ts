import { html, nothing, type PropertyValues } from 'lit';
import { GentleElement } from '../shared/base.js';
import type { StorageArea } from '../shared/storage.js';
import { sharedStyles } from '../shared/styles.js';
import { safeUrl } from '../shared/url.js';
import { styles } from './content-notice.styles.js';
import { noticeKey, openNoticeMemory, type NoticeMemory, type NoticeState } from './notice-memory.js';
import { strings, type ContentNoticeString } from './strings.js';

export type ContentNoticeVariant = 'distinction' | 'disclaimer' | 'warning';
export type ContentNoticeRemember = 'none' | 'session' | 'local';

/** `detail` of every `content-notice-*` event: the notice's `id` (empty when it has none). */
export interface ContentNoticeEventDetail {
  id: string;
}

const VARIANTS: readonly string[] = ['distinction', 'disclaimer', 'warning'];
/**
 * The quick exit's code (the Shift listener, the blank page): in the CDN build a file beside the bundle,
 * fetched as soon as a notice with `exit-href` connects, long before a reader can press anything.
 */
const quickExit = () => import('./quick-exit.js');
const AREAS: readonly string[] = ['session', 'local'];
/** A boolean attribute, reflected so page CSS can style the state. */
const flag = { type: Boolean, reflect: true };

/**
 * A calm notice for sensitive writing: an up-front distinction, a closing disclaimer, or a content
 * note that can keep its content folded away until the reader chooses to read it. The text is the
 * element's own light DOM, so it stays readable without JavaScript and when a CMS strips the tag.
 * With `exit-href` it offers a quick exit (GOV.UK's "Exit this page") for readers who may be watched:
 * a button, and Shift pressed three times anywhere on the page, blank the page at once and replace it,
 * in the history too, with the neutral page named.
 *
 * @tag content-notice
 *
 * @slot - The notice's body: paragraphs, lists and links, readable without JavaScript.
 * @slot heading - The notice's heading; defaults to a localised title for the variant.
 * @slot resources - Support links shown under the body, such as a crisis line as a `tel:` link.
 *
 * @attr {string} exiting-label - What the blanked page says, and its title, while the neutral page loads (default: localised "Loading.").
 *
 * @event {CustomEvent<ContentNoticeEventDetail>} content-notice-reveal - The reader asks to read gated content; cancel it to keep the content hidden.
 * @event {CustomEvent<ContentNoticeEventDetail>} content-notice-hide - The reader folded gated content away again.
 * @event {CustomEvent<ContentNoticeEventDetail>} content-notice-dismiss - The reader collapsed a dismissible notice to one line.
 * @event {Event} content-notice-exit - Fired on `document` (not cancelable, no detail) as a quick exit blanks the page, before it leaves: a journal empties its fields.
 *
 * @csspart notice - The notice's box.
 * @csspart heading - The heading line.
 * @csspart body - Everything under the heading.
 * @csspart content - The wrapper of the body text (the default slot).
 * @csspart resources - The wrapper of the support links.
 * @csspart reveal-button - The button that shows or hides gated content.
 * @csspart dismiss-button - The button that collapses or restores a dismissible notice.
 * @csspart exit-button - The quick exit button, on a line of its own above the heading, at the line's end (with a valid `exit-href`).
 *
 * @cssproperty [--content-notice-accent=var(--gentle-accent, #3b6e66)] - Colour of the notice's edge and focus ring.
 * @cssproperty [--content-notice-surface=var(--gentle-surface, a 7% tint of the accent)] - Background of the notice (disclaimers have none).
 * @cssproperty [--content-notice-border-width=0.25em] - Width of the accent edge.
 * @cssproperty [--content-notice-padding=1em 1.25em] - Space inside the notice.
 * @cssproperty [--gentle-accent=#3b6e66] - Accent shared by every gentle-widgets element (warnings default to #8a5a14).
 * @cssproperty [--gentle-surface] - Background shared by every element; overrides the accent tint.
 * @cssproperty [--gentle-radius=0.5em] - Corner radius of boxes and buttons.
 * @cssproperty [--gentle-font=inherit] - Font of the element; the page's by default.
 * @cssproperty [--gentle-gap=1em] - Space above and below the element.
 */
export class ContentNoticeElement extends GentleElement {
  /** @internal */
  static override defaultTag = 'content-notice';
  static override styles = [sharedStyles, styles];
  static override properties = {
    variant: { reflect: true },
    gate: flag,
    remember: {},
    dismissible: flag,
    revealed: flag,
    dismissed: flag,
    revealLabel: { attribute: 'reveal-label' },
    hideLabel: { attribute: 'hide-label' },
    dismissLabel: { attribute: 'dismiss-label' },
    restoreLabel: { attribute: 'restore-label' },
    exitHref: { attribute: 'exit-href' },
    exitLabel: { attribute: 'exit-label' },
  };

  /** What kind of notice this is: `distinction`, `disclaimer` or `warning`. */
  variant: 'distinction' | 'disclaimer' | 'warning' = 'disclaimer';

  /** On a `warning`, hides the body until the reader presses the reveal button. */
  gate = false;

  /** Remember a reveal or a collapse for this notice: `none`, `session` (this tab) or `local` (this device). */
  remember: 'none' | 'session' | 'local' = 'none';

  /** Lets the reader collapse the notice to its heading line. */
  dismissible = false;

  /** Whether gated content is showing. */
  revealed = false;

  /** Whether the reader collapsed the notice. */
  dismissed = false;

  /** Label of the reveal button (default: localised "Show this part"). */
  revealLabel?: string;

  /** Label of the button that hides revealed content again (default: localised "Hide this part"). */
  hideLabel?: string;

  /** Label of the collapse button (default: localised "Collapse note"). */
  dismissLabel?: string;

  /** Label of the button that expands a collapsed notice (default: localised "Show note"). */
  restoreLabel?: string;

  /**
   * A neutral page (an http(s) URL, relative allowed) to leave for at once: adds an "Exit this page"
   * button, and Shift pressed three times anywhere on the page does the same.
   */
  exitHref?: string;

  /** Label of the quick exit button (default: localised "Exit this page"). */
  exitLabel?: string;

  #memory: NoticeMemory | null = null;

  /** The variant in force: an unknown value falls back to `disclaimer`. */
  get #kind(): ContentNoticeVariant {
    return VARIANTS.includes(this.variant) ? this.variant : 'disclaimer';
  }

  /** Shows gated content, unless a `content-notice-reveal` listener cancels; returns whether it shows. */
  reveal(): boolean {
    if (!this.revealed && this.emit('content-notice-reveal', { id: this.id }, { cancelable: true })) {
      this.#set({ revealed: true });
    }
    return this.revealed;
  }

  /** Folds gated content away again. */
  hide(): void {
    if (this.revealed) this.#set({ revealed: false }, 'content-notice-hide');
  }

  /** Collapses the notice to its heading line. */
  dismiss(): void {
    if (!this.dismissed) this.#set({ dismissed: true }, 'content-notice-dismiss');
  }

  /** Expands a collapsed notice. */
  restore(): void {
    this.#set({ dismissed: false });
  }

  /**
   * The quick exit, as the button and the Shift key do it: blanks the page at once, fires
   * `content-notice-exit` on `document`, and replaces this page, in the history too, with `exit-href`.
   * Does nothing without a valid `exit-href`. Resolves once the page is blank and leaving (at once: the
   * notice fetched the exit's code when it connected).
   */
  async exit(): Promise<void> {
    const href = safeUrl(this.exitHref);
    // Without its code (it could not load), journals still forget, and the neutral page still replaces this one.
    if (href) {
      await quickExit().then(
        ({ leave }) => leave(href, this.label(strings, 'exiting')),
        () => {
          document.dispatchEvent(new Event('content-notice-exit', { bubbles: true }));
          location.replace(href);
        },
      );
    }
  }

  /** Whether the keyboard exit answers to this notice. */
  #armed = false;

  /** Arms the keyboard exit while the notice is on the page with a valid `exit-href`, disarms it otherwise. */
  #arm() {
    if (this.exitHref != null || this.#armed) {
      quickExit().then(
        ({ arm }) => (this.#armed = !!arm(this)),
        () => this.warnOnce('notice-exit-code'),
      );
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#arm();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#arm();
  }

  #set(change: Partial<NoticeState>, event?: string): void {
    Object.assign(this, change);
    if (this.#memory && !this.#memory.write(this)) this.warn('notice-unsaved');
    if (event) this.emit(event, { id: this.id });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('variant') && this.#kind !== this.variant) {
      this.warn('notice-variant', this.variant);
    }
    if (changed.has('gate') && this.gate && this.#kind !== 'warning') {
      this.warn('notice-gate');
    }
    if (changed.has('remember')) this.#openMemory();
    if (changed.has('exitHref')) {
      if (this.exitHref != null && !safeUrl(this.exitHref)) this.warn('notice-exit', this.exitHref);
      this.#arm();
    }
  }

  protected override firstUpdated(): void {
    if (this.#empty) this.warn('notice-empty');
  }

  /** No text and no media: a CMS moved the children out of the tag, or none were written. */
  get #empty(): boolean {
    return !this.textContent?.trim() && !this.querySelector('img,svg,picture,video');
  }

  #openMemory(): void {
    const area = this.remember;
    this.#memory = null;
    if (area === 'none') return;
    if (!AREAS.includes(area)) {
      this.warn('notice-remember', area);
      return;
    }
    this.#memory = openNoticeMemory(area as StorageArea, noticeKey(this.id, this.textContent ?? ''));
    if (!this.#memory) {
      this.warn('notice-blocked', area);
      return;
    }
    const state = this.#memory.read();
    this.revealed ||= state.revealed;
    this.dismissed ||= state.dismissed && this.dismissible;
  }

  readonly #update = () => this.requestUpdate();

  /** A disclosure button (WAI-ARIA APG): `aria-expanded` follows the state, focus stays on it. */
  #toggle(part: string, controls: string, expanded: boolean, label: string, onClick: () => unknown) {
    return html`<button
      part=${part}
      type="button"
      aria-expanded=${expanded}
      aria-controls=${controls}
      @click=${onClick}
    >
      ${label}
    </button>`;
  }

  protected override render() {
    // An empty notice renders nothing but keeps listening, in case its content arrives later.
    if (this.#empty) return html`<slot @slotchange=${this.#update}></slot>`;
    const kind = this.#kind;
    const gated = this.gate && kind === 'warning';
    const collapsed = this.dismissible && this.dismissed;
    const t = (key: ContentNoticeString, override?: string) => this.localize(strings, key, override);
    return html`
      <div part="notice" class="notice ${kind}" role=${kind === 'disclaimer' ? 'note' : 'region'} aria-labelledby="heading">
        ${safeUrl(this.exitHref) ? html`<button part="exit-button" type="button" @click=${this.exit}>${t('exit', this.exitLabel)}</button>` : nothing}
        <div class="head">
          <div id="heading" part="heading" class="heading"><slot name="heading">${t(kind)}</slot></div>
          ${this.dismissible
            ? this.#toggle(
                'dismiss-button',
                'body',
                !collapsed,
                collapsed ? t('restore', this.restoreLabel) : t('dismiss', this.dismissLabel),
                () => (collapsed ? this.restore() : this.dismiss()),
              )
            : nothing}
        </div>
        <div id="body" part="body" class="body" ?hidden=${collapsed}>
          ${gated
            ? this.#toggle(
                'reveal-button',
                'content',
                this.revealed,
                this.revealed ? t('hide', this.hideLabel) : t('reveal', this.revealLabel),
                () => (this.revealed ? this.hide() : this.reveal()),
              )
            : nothing}
          <div id="content" part="content" class="content" ?hidden=${gated && !this.revealed}>
            <slot @slotchange=${this.#update}></slot>
          </div>
          <div part="resources" class="resources" ?hidden=${!this.querySelector(':scope>[slot=resources]')}>
            <slot name="resources" @slotchange=${this.#update}></slot>
          </div>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'content-notice': ContentNoticeElement;
  }
  interface GlobalEventHandlersEventMap {
    'content-notice-reveal': CustomEvent<ContentNoticeEventDetail>;
    'content-notice-hide': CustomEvent<ContentNoticeEventDetail>;
    'content-notice-dismiss': CustomEvent<ContentNoticeEventDetail>;
    'content-notice-exit': Event;
  }
}
