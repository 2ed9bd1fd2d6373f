/** The slice of the Trusted Types API the library uses (TypeScript's DOM lib does not ship it yet). */
export interface HtmlPolicy {
  createHTML(input: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML: (input: string) => string }): HtmlPolicy;
}

/** The one Trusted Types policy name the library owns (hosts list it in `trusted-types`). */
export const POLICY_NAME = 'gentle-widgets';

let policy: HtmlPolicy | null | undefined;

/**
 * The library's Trusted Types policy, created on first use; `undefined` where the browser has no
 * Trusted Types. It only passes strings through: its callers hand it template strings (Lit) or
 * XML they parse as data, never markup they insert. In the CDN build Lit's own policy creation is
 * rewritten to call this, so the bundle creates exactly one policy and never touches `lit-html`.
 */
export function trustedPolicy(): HtmlPolicy | undefined {
  if (policy === undefined) {
    policy = null;
    const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
    if (factory) {
      try {
        policy = factory.createPolicy(POLICY_NAME, { createHTML: (input) => input });
      } catch {
        console.warn(
          `gentle-widgets: the page's Content-Security-Policy refused the "${POLICY_NAME}" Trusted Types policy; ` +
            `add "${POLICY_NAME}" to its trusted-types directive.`,
        );
      }
    }
  }
  return policy ?? undefined;
}
