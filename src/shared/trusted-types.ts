/** The slice of the Trusted Types API the library uses (TypeScript's DOM lib does not ship it yet). */
export interface HtmlPolicy {
  createHTML(input: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML: (input: string) => string }): HtmlPolicy;
}

/** The one Trusted Types policy name the library owns (hosts list it in `trusted-types`). */
export const POLICY_NAME = 'gentle-widgets';

/** Where the policy lives: on the page, so the on-demand feed parser file (a separate module) finds it. */
const slot = Symbol.for('gentle-widgets:policy');
type Holder = { [slot]?: HtmlPolicy | null; trustedTypes?: TrustedTypesFactory };

/**
 * The library's Trusted Types policy, created on first use; `undefined` where the browser has no
 * Trusted Types. It only passes strings through: its callers hand it template strings (Lit) or
 * XML they parse as data, never markup they insert. In the CDN build Lit's own policy creation is
 * rewritten to call this, so the bundle creates exactly one policy and never touches `lit-html`;
 * the policy is kept on `globalThis`, so the CDN build's on-demand feed parser uses it too (a
 * second `createPolicy` of one name throws under a strict CSP).
 */
export function trustedPolicy(): HtmlPolicy | undefined {
  const g = globalThis as Holder;
  if (g[slot] === undefined) {
    g[slot] = null;
    const factory = g.trustedTypes;
    if (factory) {
      try {
        g[slot] = factory.createPolicy(POLICY_NAME, { createHTML: (input) => input });
      } catch {
        console.warn(
          `gentle-widgets: the page's Content-Security-Policy refused the "${POLICY_NAME}" Trusted Types policy; ` +
            `add "${POLICY_NAME}" to its trusted-types directive.`,
        );
      }
    }
  }
  return g[slot] ?? undefined;
}
