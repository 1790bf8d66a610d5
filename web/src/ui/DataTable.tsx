// A table in its scrolling frame: a caption for screen readers, the column heads, then the rows.
// A phone scrolls the frame, not the page (the frame takes focus so a keyboard can scroll it too).
import type { ReactNode } from 'react';

/** `heads`: the column titles; a `false` entry is a column this user does not get (e.g. actions). */
export function DataTable({ caption, heads, testId, children }: { caption: string; heads: (string | false)[]; testId?: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {heads.map((h, i) =>
              h === false ? null : (
                <th key={i} scope="col">
                  {h}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
