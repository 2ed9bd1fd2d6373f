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
    border: 1px solid var(--_accent);
    font-weight: 600;
    text-decoration: none;
  }
  [part='button']:hover {
    background: color-mix(in srgb, var(--_accent) 80%, #000);
  }
  [part='consent'] {
    margin: 0.75em 0 0;
    font-size: 0.875em;
  }
  [part='label'] {
    margin: 0;
    font-weight: 600;
  }
  /* Read by screen readers, not shown: the new tab is the button's business, not the reader's eyes'. */
  .hint {
    position: absolute;
    clip-path: inset(50%);
    width: 1px;
    height: 1px;
    overflow: hidden;
    white-space: nowrap;
  }
  .frame {
    display: grid;
    place-items: center;
    min-height: var(--_h);
    margin-top: 0.75em;
    text-align: center;
    border: 1px dashed color-mix(in srgb, currentColor 35%, transparent);
    border-radius: var(--_radius);
  }
  iframe {
    display: block;
    width: 100%;
    height: var(--_h);
    border: 0;
  }
  .frame iframe {
    border-radius: var(--_radius);
  }
  dialog {
    width: min(100% - 2em, 50em);
    max-height: calc(100% - 2em);
    padding: 0;
    color: CanvasText;
    background: Canvas;
    border: 0;
    border-radius: var(--_radius);
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog iframe {
    max-height: calc(100dvh - 6em);
  }
  ::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .bar {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1em;
    padding: 0.5em 0.5em 0.5em 1em;
  }
  /* Narrow screens: the dialog takes the whole screen, the scheduler all of it but the bar. */
  @media (max-width: 40em) {
    dialog {
      width: 100%;
      max-width: none;
      height: 100%;
      max-height: none;
      margin: 0;
      border-radius: 0;
    }
    dialog iframe {
      flex: 1;
      max-height: none;
    }
  }
  @media print {
    .frame,
    dialog {
      display: none !important;
    }
  }
  @media (forced-colors: active) {
    .cta {
      border: 1px solid;
    }
    [part='button'] {
      border-color: ButtonText;
    }
  }
`;
