import { TIMELINE_FIELDS, TimelineEntry } from '@shoplink/shops';

/**
 * CSV as RFC 4180 writes it, made safe to open in a spreadsheet:
 * - one header row of the field names, records ended by CRLF;
 * - a field holding a comma, a double quote, CR or LF is put in double quotes, and its
 *   double quotes are doubled; other fields are written as they are; null is an empty field;
 * - formula injection: a value starting with `=`, `+`, `-`, `@`, TAB or CR would be run as a
 *   formula by Excel, LibreOffice or Google Sheets, so it gets a leading `'` (which they show as
 *   text and hide). The CSV is for people; JSON Lines keeps every value exactly as recorded.
 */
export const CSV_LINE_END = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeader = (): string => TIMELINE_FIELDS.join(',') + CSV_LINE_END;

export const csvRecord = (entry: TimelineEntry): string => TIMELINE_FIELDS.map((field) => csvField(entry[field])).join(',') + CSV_LINE_END;

/** JSON Lines: one JSON object per line; JSON.stringify escapes CR and LF inside strings, so a line is always one entry. */
export const jsonLine = (entry: TimelineEntry): string => JSON.stringify(entry) + '\n';
