import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The optional pre-upgrade stylesheet: each element keeps its place while the script loads.
import 'gentle-widgets/gentle-widgets.css';
import { App } from './App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
