import { mount } from 'svelte';
// Registers the four elements and types them in Svelte markup.
import 'gentle-widgets/svelte';
// The optional pre-upgrade stylesheet: each element keeps its place while the script loads.
import 'gentle-widgets/gentle-widgets.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app');
export default mount(App, { target });
