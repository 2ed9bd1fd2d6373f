import { css } from 'lit';

/**
 * Host and control styles every element shares: inherit the page's font and colour, spacing in
 * `em`, calm buttons with a clear focus ring, no motion under reduced motion, system colours in
 * forced-colours mode.
 */
export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font: var(--gentle-font, inherit);
    color: inherit;
    --_accent: var(--gentle-accent, #3b6e66);
    --_radius: var(--gentle-radius, 0.5em);
    --_gap: var(--gentle-gap, 1em);
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
    background: transparent;
    border: 1px solid currentColor;
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.35em 0.9em;
    min-height: 2em;
    line-height: 1.3;
    cursor: pointer;
  }
  button:hover {
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }
  button:focus-visible {
    outline: 0.15em solid var(--_accent);
    outline-offset: 0.15em;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
  @media print {
    button {
      display: none;
    }
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
      color: ButtonText;
      background: ButtonFace;
    }
    button:focus-visible {
      outline-color: Highlight;
    }
  }
`;
