import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import customElements from '../custom-elements.json';
import { embedSnippet } from './embed.js';
import { extractArgTypes, extractComponentDescription } from './manifest.js';

setCustomElementsManifest(customElements);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true, sort: 'none' },
    options: { storySort: { order: ['Elements', 'Pages', 'Docs'] } },
    a11y: { test: 'error' },
    docs: {
      extractArgTypes,
      extractComponentDescription,
      // "Show code" and the Code panel show the embed snippet: the story without its decorators
      // (theme wrappers, language wrappers, storage switches), as a site owner pastes it.
      source: { excludeDecorators: true, transform: embedSnippet },
      codePanel: true,
    },
  },
};
export default preview;
