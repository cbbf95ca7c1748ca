/**
 * A small RFC 4180 reader for the official CSV and tab-separated list files: quoted fields,
 * doubled quotes, line breaks inside quotes. It reports the line of every row so errors can
 * name the place.
 */
import { ListFileError } from './errors';

export interface CsvRow {
  line: number;
  fields: string[];
  /** The file ends inside this row (only with `tolerateCutEnd`). */
  cut?: boolean;
}

/**
 * `tolerateCutEnd`: a file known to be cut off mid-row (the partial CSL excerpt) keeps its whole
 * rows and loses the broken last one; otherwise an unclosed quote is an error.
 */
export function parseDelimited(text: string, file: string, delimiter = ',', tolerateCutEnd = false): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  // OFAC's legacy files end with a DOS end-of-file mark (0x1A).
  const n = text.endsWith('\u001a') ? text.length - 1 : text.length;
  for (; i < n; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      field = '';
      inQuotes = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else {
      field += c;
    }
  }
  if (inQuotes) {
    if (tolerateCutEnd) return [...rows, { line: rowLine, fields: [...fields, field], cut: true }];
    throw new ListFileError('a quoted field is never closed (the file may be cut short)', file, `line ${rowLine}`);
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return rows;
}

/** Rows as records keyed by the header; checks the required columns exist. */
export function recordsWithHeader(
  rows: CsvRow[],
  file: string,
  required: readonly string[],
): { line: number; record: Record<string, string>; complete: boolean }[] {
  const header = rows[0];
  if (!header) throw new ListFileError('the file is empty', file);
  const names = header.fields.map((h) => h.trim());
  const missing = required.filter((r) => !names.includes(r));
  if (missing.length > 0) {
    throw new ListFileError(`missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`, file, 'line 1');
  }
  return rows.slice(1).map(({ line, fields, cut }) => {
    const record: Record<string, string> = {};
    names.forEach((name, i) => {
      record[name] = (fields[i] ?? '').trim();
    });
    return { line, record, complete: !cut && fields.length >= names.length };
  });
}
