// A host page's own Lit component. Bundled with its own copy of Lit by run.mjs, so the host's Lit
// creates the `lit-html` Trusted Types policy, as it does on a real site that already uses Lit.
import { LitElement, css, html } from 'lit';

class HostCard extends LitElement {
  static properties = { name: {} };

  static styles = css`
    :host {
      display: block;
      padding: 0.5em 1em;
      border: 1px dashed currentColor;
    }
  `;

  constructor() {
    super();
    this.name = 'a host';
  }

  render() {
    return html`<p id="host-text">Rendered by the host’s own Lit for ${this.name}.</p>`;
  }
}

customElements.define('host-card', HostCard);
