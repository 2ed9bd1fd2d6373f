import { css } from 'lit';

export const styles = css`
  :host {
    --_c: var(--content-notice-accent, var(--_accent));
    margin-block: var(--_gap);
  }
  :host([variant='warning']) {
    --_accent: var(--gentle-accent, #8a5a14);
  }
  .notice {
    padding: var(--content-notice-padding, 1em 1.25em);
    background: var(--content-notice-surface, var(--gentle-surface, color-mix(in srgb, var(--_c) 7%, transparent)));
    border-inline-start: var(--content-notice-border-width, 0.25em) solid var(--_c);
    border-radius: var(--_radius);
  }
  .disclaimer {
    background: none;
    border: 1px solid color-mix(in srgb, currentColor 25%, transparent);
    font-size: 0.95em;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5em 1em;
  }
  .heading {
    flex: 1 1 12em;
    font-weight: 600;
  }
  ::slotted([slot='heading']) {
    margin: 0 !important;
  }
  /* Important, so the theme's paragraph margins cannot pad the box: inside a shadow root it wins. */
  ::slotted(:first-child) {
    margin-top: 0 !important;
  }
  ::slotted(:last-child) {
    margin-bottom: 0 !important;
  }
  .body,
  .body > * + * {
    margin-top: 0.75em;
  }
  .resources {
    padding-top: 0.75em;
    border-top: 1px solid color-mix(in srgb, currentColor 20%, transparent);
  }
  /*
   * First in the notice, at the line's end (where a way out is looked for), on a line of its own so the
   * pre-upgrade stylesheet can keep its room.
   */
  [part='exit-button'] {
    display: block;
    margin: 0 0 0.5em auto;
  }
  [part='dismiss-button'] {
    font-size: 0.875em;
  }
  @media print {
    .notice {
      background: none;
      border: 1px solid;
    }
  }
  @media (forced-colors: active) {
    .notice {
      border: 1px solid;
      border-inline-start-width: 0.25em;
    }
  }
`;
