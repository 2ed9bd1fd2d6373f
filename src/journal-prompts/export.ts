/**
 * Everything the journal's Copy, Download and Print buttons do. The element loads this module when the
 * reader first types (so it is there, even offline, by the time they press a button) or acts: a
 * reader who never exports never downloads it. No Lit: the CDN build ships it as a file of its own.
 */

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

/** Copies `text`: the Clipboard API, else a selected field in `root` and `execCommand`; `false` if neither could. */
export async function copyText(text: string, root: ShadowRoot): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No Clipboard API (plain http, an older browser) or no permission. The field leaves before a paint.
    const focused = root.activeElement as HTMLElement | null;
    const field = document.createElement('textarea');
    field.value = text;
    field.readOnly = true;
    root.append(field);
    field.select();
    const copied = document.execCommand('copy');
    field.remove();
    focused?.focus();
    return copied;
  }
}

/** Downloads `text` as a dated `.md` or `.txt` file. */
export function downloadText(text: string, markdown: boolean): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: `text/${markdown ? 'markdown' : 'plain'};charset=utf-8` }));
  link.download = fileName(new Date(), markdown ? 'md' : 'txt');
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1e3);
}

/**
 * Printing from the journal prints the journal alone: every element that neither holds it nor sits
 * inside it leaves the printed page. Added to the document on the first print; it matches nothing
 * once that print is over, so the browser's own Print still prints the whole page.
 */
let printOnly: CSSStyleSheet | undefined;

/** Prints `journal` alone: flagged during `print()`, so the sheet above applies to it only. */
export function printAlone(journal: HTMLElement): void {
  if (!printOnly) {
    printOnly = new CSSStyleSheet();
    printOnly.replaceSync(
      '@media print{body:has([data-journal-printing]) :not(:has([data-journal-printing]),[data-journal-printing],[data-journal-printing] *){display:none!important}}',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, printOnly];
  }
  journal.toggleAttribute('data-journal-printing', true);
  try {
    print();
  } finally {
    journal.removeAttribute('data-journal-printing');
  }
}
