// Server rendering: `npm run build:ssr`, then `node -e "import('./dist-ssr/entry-server.js').then((m) => console.log(m.render()))"`.
// The elements render as their light DOM (the article's text), which is the content before they upgrade.
import { renderToString } from 'react-dom/server';
import { App } from './App.tsx';

export function render(): string {
  return renderToString(<App />);
}
