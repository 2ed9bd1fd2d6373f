import { css } from 'lit';

export const styles = css`
  :host {
    margin-block: var(--_gap);
  }
  ol {
    margin: 0.75em 0 0;
    padding-inline-start: 1.5em;
  }
  .plain {
    list-style: none;
    padding: 0;
  }
  li + li {
    margin-top: var(--_gap);
  }
  .later {
    display: none;
  }
  label {
    display: block;
    margin-top: 0.5em;
  }
  ::slotted(*) {
    margin: 0 !important;
  }
  /* Answer fields, and the lock's passphrase fields. */
  textarea,
  [type='password'] {
    display: block;
    box-sizing: border-box;
    width: 100%;
    margin-top: 0.35em;
    padding: 0.5em 0.75em;
    font: inherit;
    color: inherit;
    background: var(--journal-prompts-field-surface, var(--gentle-surface, transparent));
    border: 1px solid var(--journal-prompts-field-border, color-mix(in srgb, currentColor 35%, transparent));
    border-radius: var(--_radius);
  }
  textarea {
    min-height: var(--journal-prompts-field-height, 4.5em);
    max-height: 70vh;
    field-sizing: content;
    resize: vertical;
  }
  [type='password'] {
    max-width: 24em;
  }
  [part~='storage'],
  form {
    display: block;
    margin-top: var(--_gap);
  }
  [part~='nav'],
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-top: var(--_gap);
  }
  button:disabled {
    opacity: 0.5;
  }
  [role='switch'] {
    width: 1.1em;
    height: 1.1em;
    margin: 0 0.5em 0 0;
    vertical-align: -0.15em;
    accent-color: var(--_accent);
  }
  [part~='status'] {
    margin: 0.5em 0 0;
    font-size: 0.9em;
  }
  @media print {
    .later {
      display: block;
    }
    textarea {
      max-height: none;
      border: 0;
      padding: 0;
      resize: none;
    }
    [part~='nav'],
    [part~='storage'],
    [part~='status'] {
      display: none;
    }
  }
  @media (forced-colors: active) {
    textarea,
    [type='password'] {
      border-color: CanvasText;
    }
  }
`;
