import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tableCsv } from './present.ts';
import type { PublicTable } from './schema.ts';

test('CSV: the mark for hidden cells, quoting, and no formula a spreadsheet would run', () => {
  const table: PublicTable = {
    id: 'victims-by-sex',
    title: 'Victims',
    parts: 'partition',
    chart: true,
    total: { value: 40 },
    cells: [
      { key: 'female', label: 'Women, girls', suppressed: true },
      { key: 'male', label: '=HYPERLINK("x")', suppressed: true },
      { key: 'unknown', label: 'not known', value: 0 },
    ],
  };
  assert.equal(tableCsv(table, 'en'), 'key,part,count\r\nfemale,"Women, girls",x\r\nmale,"\'=HYPERLINK(""x"")",x\r\nunknown,not known,0\r\ntotal,Total,40\r\n');
});
