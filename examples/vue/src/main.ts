import { createApp } from 'vue';
// Registers the four elements and types them in templates (Vue's GlobalComponents).
import 'gentle-widgets/vue';
// The optional pre-upgrade stylesheet: each element keeps its place while the script loads.
import 'gentle-widgets/gentle-widgets.css';
import App from './App.vue';

createApp(App).mount('#app');
