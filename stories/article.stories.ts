import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import demoCss from '../demo/demo.css?inline';
import demoPage from '../demo/index.html?raw';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import '../src/book-call-cta.js';
import '../src/content-notice.js';
import '../src/journal-prompts.js';
import '../src/related-stories.js';

/**
 * The seed article as a blog page — the body of demo/index.html itself, so the two never drift — with `<content-notice>` in place of
 * the opening distinction and the closing "Important note", `<journal-prompts>` for the journaling prompts, and `<book-call-cta>`
 * for "Ready to try out holistic therapy?", whose scheduler is the local stand-in under /demo/scheduler/, and `<related-stories>`
 * for "Read more Stories With Ease", read from the demo blog's feed (/demo/feed.xml). The article's canonical URL is /demo/, as on
 * the demo page, so the article itself is not among its related stories.
 */
const meta = {
  title: 'Pages/Article',
  // Page-wide theme CSS (body, headings): keep it off a shared docs page.
  tags: ['!autodocs'],
  parameters: {
    layout: 'fullscreen',
    embed: {
      note: 'What goes into the post: each notice, the journal, the booking call to action and the related stories in its own Custom HTML block (WordPress) or Code block (Squarespace). Use your own booking link (the demo’s is a local stand-in) and your own feed.',
      rewrite: (code: string) => {
        const template = document.createElement('template');
        template.innerHTML = code;
        return [...template.content.querySelectorAll('content-notice, journal-prompts, book-call-cta, related-stories')].map((element) => element.outerHTML).join('\n\n');
      },
    },
  },
} satisfies Meta;
export default meta;

/** The demo page's `<body>`: our own file, read at build time; its images and links are served from /demo/. */
const articleBody = new DOMParser().parseFromString(demoPage, 'text/html').body.innerHTML;

export const Article: StoryObj = {
  name: 'Why you might cry after sex',
  beforeEach: () => {
    const canonical = Object.assign(document.createElement('link'), { rel: 'canonical', href: '/demo/' });
    document.head.append(canonical);
    return () => canonical.remove();
  },
  render: () => html`
    <style>
      ${demoCss}
    </style>
    ${unsafeHTML(articleBody)}
  `,
};
