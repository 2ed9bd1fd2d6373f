import { css } from 'lit';

/**
 * Host and control styles every element shares: the page's font and colour, spacing in `em`,
 * calm buttons, a clear focus ring on every control, no motion under reduced motion, system colours in
 * forced-colours mode (the browser maps colours and borders itself; only the ring is set).
 */
export const sharedStyles = css`
  :host {
    display: block;
    font: var(--gentle-font, inherit);
    --_accent: var(--gentle-accent, #3b6e66);
    --_radius: var(--gentle-radius, 0.5em);
    --_gap: var(--gentle-gap, 1em);
  }
  [hidden] {
    display: none !important;
  }
  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 1px solid;
    border-radius: var(--_radius);
    padding: 0.35em 0.9em;
  }
  button:hover {
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }
  :focus-visible {
    outline: 0.15em solid var(--_accent);
    outline-offset: 0.15em;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
  @media print {
    button {
      display: none;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
