import './content-notice.js';
import './journal-prompts.js';
