import './content-notice.js';
