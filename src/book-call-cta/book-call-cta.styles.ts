import { css } from 'lit';

export const styles = css`
  :host {
    margin-block: var(--_gap);
  }
  .cta {
    padding: var(--book-call-cta-padding, 1.25em);
    background: var(--book-call-cta-surface, var(--gentle-surface, color-mix(in srgb, var(--_accent) 7%, transparent)));
    border-radius: var(--_radius);
  }
  ::slotted(:first-child) {
    margin-top: 0 !important;
  }
  [part='button'] {
    display: inline-block;
    margin-top: 0.5em;
    padding: 0.6em 1.2em;
    color: var(--book-call-cta-button-text, #fff);
    background: var(--_accent);
    /* Transparent, so a link and a button are one height; forced colours draw it. */
    border: 1px solid transparent;
    border-radius: var(--_radius);
    font-weight: 600;
    text-decoration: none;
  }
  /* Beats the shared button:hover tint, which would leave white text on a pale ground. */
  [part='button']:hover {
    background: color-mix(in srgb, var(--_accent) 80%, #000);
  }
  [part='consent'] {
    font-size: 0.875em;
  }
  [part='elsewhere'] {
    color: inherit;
  }
  .facade {
    display: grid;
    place-items: center;
    min-height: var(--_h);
    text-align: center;
    border: 1px dashed;
  }
  iframe {
    display: block;
    width: 100%;
    height: var(--_h);
    border: 0;
  }
  /* The browser's own dialog styles give it its colours. */
  dialog {
    width: min(100% - 2em, 50em);
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  ::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  /* Never taller than the screen: the scheduler scrolls inside its frame. */
  dialog iframe {
    max-height: calc(100dvh - 8em);
  }
  .bar {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 1em;
    padding: 0.5em 0.5em 0.5em 1em;
  }
  /* Narrow screens: the dialog takes the whole screen, the scheduler all of it but the bar. */
  @media (max-width: 40em) {
    /* A min- size wins over the browser's max- size for dialogs. */
    dialog {
      box-sizing: border-box;
      min-width: 100%;
      min-height: 100%;
      margin: 0;
      border-radius: 0;
    }
    dialog iframe {
      flex: 1;
      max-height: none;
    }
  }
  @media print {
    [part='frame'] {
      display: none;
    }
  }
  @media (forced-colors: active) {
    dialog {
      border: 1px solid;
    }
  }
`;
