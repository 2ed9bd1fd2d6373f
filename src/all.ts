import './content-notice.js';
import './journal-prompts.js';
import './book-call-cta.js';
import './related-stories.js';
