import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import demoCss from '../demo/demo.css?inline';
import demoPage from '../demo/index.html?raw';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import '../src/content-notice.js';
import '../src/journal-prompts.js';

/**
 * The seed article as a blog page — the body of demo/index.html itself, so the two never drift — with `<content-notice>` in place of
 * the opening distinction and the closing "Important note", and `<journal-prompts>` for the journaling prompts. The booking
 * link and "Read more Stories With Ease" are still plain HTML until their elements exist.
 */
const meta = {
  title: 'Pages/Article',
  // Page-wide theme CSS (body, headings): keep it off a shared docs page.
  tags: ['!autodocs'],
  parameters: {
    layout: 'fullscreen',
    embed: {
      note: 'What goes into the post: each notice and the journal in its own Custom HTML block (WordPress) or Code block (Squarespace).',
      rewrite: (code: string) => {
        const template = document.createElement('template');
        template.innerHTML = code;
        return [...template.content.querySelectorAll('content-notice, journal-prompts')].map((element) => element.outerHTML).join('\n\n');
      },
    },
  },
} satisfies Meta;
export default meta;

/** The demo page's `<body>`: our own file, read at build time; its images and links are served from /demo/. */
const articleBody = new DOMParser().parseFromString(demoPage, 'text/html').body.innerHTML;

export const Article: StoryObj = {
  name: 'Why you might cry after sex',
  render: () => html`
    <style>
      ${demoCss}
    </style>
    ${unsafeHTML(articleBody)}
  `,
};
