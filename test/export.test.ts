import { expect } from '@open-wc/testing';
import { fileName, toMarkdown, toText, type JournalExport } from '../src/journal-prompts/export.js';

// The prompts and the invitation of the seed article, "3. Reflect afterwards".
const released = 'What was there to be released, and what do I want to do with it?';
const need = 'What is a need I can give more attention to?';
const nourishing = 'What is something nourishing I can give myself right now?';

const journal = (): JournalExport => ({
  title: 'Here are a few gentle journaling prompts to support you:',
  date: '27 November 2026',
  entries: [
    { prompt: released, answer: 'Old grief from years ago.\r\nI want to let it go, gently.' },
    { prompt: need, answer: '' },
    { prompt: nourishing, answer: '  A warm bath, and café au lait.  \n' },
    { prompt: 'What does my body want to tell me?', answer: 'Slow down.\n\nListen.' },
  ],
});

describe('export', () => {
  it('toMarkdown: title heading, date, one second-level heading per prompt with its answer under it', () => {
    expect(toMarkdown(journal())).to.equal(
      '# Here are a few gentle journaling prompts to support you:\n' +
        '\n' +
        '27 November 2026\n' +
        '\n' +
        `## ${released}\n` +
        '\n' +
        'Old grief from years ago.\n' +
        'I want to let it go, gently.\n' +
        '\n' +
        `## ${need}\n` +
        '\n' +
        `## ${nourishing}\n` +
        '\n' +
        'A warm bath, and café au lait.\n' +
        '\n' +
        '## What does my body want to tell me?\n' +
        '\n' +
        'Slow down.\n' +
        '\n' +
        'Listen.\n',
    );
  });

  it('toText: title and date, then each prompt with its answer on the lines after it', () => {
    expect(toText(journal())).to.equal(
      'Here are a few gentle journaling prompts to support you:\n' +
        '27 November 2026\n' +
        '\n' +
        `${released}\n` +
        'Old grief from years ago.\n' +
        'I want to let it go, gently.\n' +
        '\n' +
        `${need}\n` +
        '\n' +
        `${nourishing}\n` +
        'A warm bath, and café au lait.\n' +
        '\n' +
        'What does my body want to tell me?\n' +
        'Slow down.\n' +
        '\n' +
        'Listen.\n',
    );
  });

  it('keeps every unanswered prompt, so a printed copy can be written on', () => {
    const empty = { ...journal(), entries: [released, need, nourishing].map((prompt) => ({ prompt, answer: '' })) };
    expect(toMarkdown(empty)).to.equal(
      `# Here are a few gentle journaling prompts to support you:\n\n27 November 2026\n\n## ${released}\n\n## ${need}\n\n## ${nourishing}\n`,
    );
    expect(toText(empty)).to.equal(`Here are a few gentle journaling prompts to support you:\n27 November 2026\n\n${released}\n\n${need}\n\n${nourishing}\n`);
  });

  it('never loses a character of a long answer', () => {
    const long = 'I breathe. '.repeat(20_000).trim();
    const one = { title: 'Journal', date: '1 January 2027', entries: [{ prompt: released, answer: long }] };
    expect(toMarkdown(one)).to.equal(`# Journal\n\n1 January 2027\n\n## ${released}\n\n${long}\n`);
    expect(toText(one)).to.equal(`Journal\n1 January 2027\n\n${released}\n${long}\n`);
  });

  it('fileName: journal-YYYY-MM-DD in the local date, then the extension', () => {
    expect(fileName(new Date(2026, 10, 27, 9, 30), 'md')).to.equal('journal-2026-11-27.md');
    expect(fileName(new Date(2027, 0, 5, 12), 'txt')).to.equal('journal-2027-01-05.txt');
    // Just before and just after local midnight: the reader's calendar day, not UTC's.
    expect(fileName(new Date(2027, 0, 5, 23, 59, 59), 'txt')).to.equal('journal-2027-01-05.txt');
    expect(fileName(new Date(2027, 0, 6, 0, 0, 1), 'md')).to.equal('journal-2027-01-06.md');
  });
});
