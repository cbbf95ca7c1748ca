import { describe, expect, it } from 'vitest';
import { parseDelimited, recordsWithHeader } from '../../../src/core/list/csv';
import { ListFileError } from '../../../src/core/list/errors';

describe('parseDelimited', () => {
  it('reads quoted fields, doubled quotes and line breaks inside quotes, with the line of each row', () => {
    expect(parseDelimited('a,"b ""q"", c"\r\n"multi\nline",x\n\nlast,row', 'f.csv')).toEqual([
      { line: 1, fields: ['a', 'b "q", c'] },
      { line: 2, fields: ['multi\nline', 'x'] },
      { line: 5, fields: ['last', 'row'] },
    ]);
  });
  it('reads tab-separated files and ignores a byte-order mark and a DOS end-of-file mark', () => {
    expect(parseDelimited('\ufeff"a"\t"b"\n"c"\t""\n\u001a', 'f.txt', '\t')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', ''] },
    ]);
  });
  it('names the file and the line where a quoted field is never closed', () => {
    expect(() => parseDelimited('a,b\n1,2\n"3,4\n5', 'cut.csv')).toThrow(ListFileError);
    expect(() => parseDelimited('a,b\n1,2\n"3,4\n5', 'cut.csv')).toThrow('cut.csv (line 3): a quoted field is never closed');
  });
  it('keeps a cut-off last row, marked, when told the file is known to be cut', () => {
    const rows = parseDelimited('a,b\n1,2\n"3,4', 'cut.csv', ',', true);
    expect(rows.at(-1)).toEqual({ line: 3, fields: ['3,4'], cut: true });
  });
});

describe('recordsWithHeader', () => {
  it('keys fields by the header and flags short rows', () => {
    const rows = parseDelimited('name,source\nA,EL\nB', 'f.csv');
    expect(recordsWithHeader(rows, 'f.csv', ['name'])).toEqual([
      { line: 2, record: { name: 'A', source: 'EL' }, complete: true },
      { line: 3, record: { name: 'B', source: '' }, complete: false },
    ]);
  });
  it('names missing columns and the empty file', () => {
    expect(() => recordsWithHeader(parseDelimited('x,y\n1,2', 'f.csv'), 'f.csv', ['source', 'name'])).toThrow('f.csv (line 1): missing columns: source, name');
    expect(() => recordsWithHeader([], 'e.csv', ['name'])).toThrow('e.csv: the file is empty');
  });
});
