/** One prompt and the reader's answer to it. */
export interface JournalEntry {
  prompt: string;
  answer: string;
}

/** What an export holds: the journal's title, the date written out for the reader, and every entry. */
export interface JournalExport {
  title: string;
  date: string;
  entries: JournalEntry[];
}

/** The reader's words as typed, with any line-ending style made `\n` and outer blank space dropped. */
const tidy = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/**
 * Markdown: the title as a heading, the date, then each prompt as a second-level heading (on one
 * line, whatever line breaks the reader's own question has) with its answer under it. A prompt left
 * unanswered keeps its heading, so a printed copy can be written on.
 */
export function toMarkdown({ title, date, entries }: JournalExport): string {
  const heading = (level: string, text: string) => text.trim() && `${level} ${text.replace(/\s+/g, ' ').trim()}`;
  return [heading('#', title), date, ...entries.flatMap((e) => [heading('##', e.prompt), tidy(e.answer)])].filter(Boolean).join('\n\n') + '\n';
}

/** Plain text: the title and date, then each prompt with its answer on the lines after it. */
export function toText({ title, date, entries }: JournalExport): string {
  return [`${tidy(title)}\n${date}`, ...entries.map((e) => [tidy(e.prompt), tidy(e.answer)].filter(Boolean).join('\n'))].join('\n\n') + '\n';
}

/** `journal-2026-11-27.md`: the local date in ISO order (the `sv` locale writes it so), then the extension. */
export function fileName(date: Date, extension: 'md' | 'txt'): string {
  return `journal-${date.toLocaleDateString('sv')}.${extension}`;
}
