import { css } from 'lit';

export const styles = css`
  :host {
    margin-block: var(--_gap);
  }
  :host([hidden]) {
    display: none;
  }
  ul {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--related-stories-card-width, 14em)), 1fr));
    gap: var(--_gap);
    margin: 0.75em 0 0;
    padding: 0;
    list-style: none;
  }
  li {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.4em;
    padding: var(--related-stories-padding, 1em);
    background: var(--related-stories-surface, var(--gentle-surface, color-mix(in srgb, var(--_accent) 7%, transparent)));
    /* Transparent: forced colours draw it, so cards keep their edges there. */
    border: 1px solid transparent;
    border-radius: var(--_radius);
    /* A feed's unbroken 2,000-character "word" wraps instead of widening the page. */
    overflow-wrap: anywhere;
  }
  /* A box of its own before the image arrives: nothing below it moves. */
  img {
    width: 100%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
  }
  :host([layout='list']) ul {
    grid-template-columns: 1fr;
  }
  :host([layout='list']) li:has(img) {
    display: grid;
    grid-template-columns: auto 1fr;
    align-content: start;
    column-gap: 1em;
  }
  :host([layout='list']) img {
    grid-row: span 3;
    width: var(--related-stories-thumbnail, min(7em, 20vw));
  }
  h3 {
    margin: 0;
    font-size: 1.1em;
  }
  p {
    margin: 0;
  }
  [part='meta'] {
    font-size: 0.875em;
  }
  a {
    color: inherit;
  }
`;
