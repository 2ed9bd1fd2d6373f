import { LitElement } from 'lit';
import type { WarningCode, Warnings } from './warnings.js';
import { languageReady, nearestLang, pickLanguage, translate, type Language, type StringTable } from './i18n.js';

/**
 * The one base class: guarded registration, events, warnings and localised strings.
 * Nothing element-specific belongs here.
 */
export class GentleElement extends LitElement {
  /**
   * The tag `define()` uses when none is given.
   * @internal
   */
  static defaultTag = '';

  /**
   * Registers the element under `tag` (its own tag by default). A tag that is already taken, by this
   * class or by another copy of the library, is left as it is (with a warning for another copy), so
   * loading the library twice throws nothing. A second name gets a subclass, as the platform requires.
   */
  static define(tag: string = this.defaultTag): void {
    const registry = globalThis.customElements;
    if (!registry) return; // server-side rendering without a DOM shim
    const existing = registry.get(tag);
    if (existing) {
      if (!(existing === this || existing.prototype instanceof this)) {
        console.warn(`<${tag}>: another copy of gentle-widgets defined it first, so this copy is unused. Load the library once.`);
      }
      return;
    }
    try {
      registry.define(tag, this);
    } catch {
      // This class already serves another name, and the platform wants one class per name.
      registry.define(tag, class extends this {});
    }
  }

  /** Dispatches `name` (bubbling, composed); returns `false` when a listener cancelled it. */
  protected emit<T>(name: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
    const event = new CustomEvent<T>(name, { bubbles: true, composed: true, cancelable: options.cancelable ?? false, detail });
    return this.dispatchEvent(event);
  }

  /**
   * Tells the site owner, in the console and prefixed with the element's tag, that something on the
   * page is wrong: `code` names the message in `warnings.ts`, `values` fill it in. The words load
   * when the first warning is given, so the bundle does not carry them; if they cannot load, the
   * code and values are printed instead.
   */
  protected warn<K extends WarningCode>(code: K, ...values: Parameters<Warnings[K]>): void {
    const tag = this.localName;
    import('./warnings.js').then(
      ({ warnings }) => console.warn(`<${tag}>: ${(warnings[code] as (...v: unknown[]) => string)(...values)}`),
      () => console.warn(`<${tag}>: ${code} ${JSON.stringify(values)}`),
    );
  }

  #warned = new Set<string>();

  /** `warn`, once per message and element: a check that runs on every update does not repeat it. */
  protected warnOnce<K extends WarningCode>(code: K, ...values: Parameters<Warnings[K]>): void {
    const key = JSON.stringify([code, values]);
    if (!this.#warned.has(key)) this.warn(code, ...values);
    this.#warned.add(key);
  }

  /**
   * Connects once the strings of the element's language are here (at once for English, and for any
   * language the page has used). Until then Lit has not attached the shadow root, so the element's
   * own text stays on screen as written, and it never renders its labels in one language and then
   * another. (The CDN bundle loads its page's languages before it defines the elements.)
   */
  override connectedCallback(): void {
    const pending = languageReady(this.language);
    if (pending) pending.then(() => this.isConnected && super.connectedCallback());
    else super.connectedCallback();
  }

  /** The language of the UI strings: the nearest `lang` (element, ancestors, `<html>`), else English. */
  protected get language(): Language {
    return pickLanguage(nearestLang(this));
  }

  /** A UI string: the site owner's override when given, else the table's, in the nearest language. */
  protected localize<K extends string>(table: StringTable<K>, key: K, override?: string | null): string {
    return override?.trim() ? override : translate(table, this.language, key);
  }

  /** A UI string whose override is the `<key>-label` attribute (`close-label="Back to the article"`). */
  protected label<K extends string>(table: StringTable<K>, key: K): string {
    return this.localize(table, key, this.getAttribute(`${key}-label`));
  }
}
