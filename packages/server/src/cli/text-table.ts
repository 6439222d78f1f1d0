export type Alignment = 'left' | 'right';

/** Width as a terminal shows it for our French text: one column per code point. */
function width(cell: string): number {
  return Array.from(cell).length;
}

/**
 * Rows laid out in aligned columns, two spaces apart; the first row is usually a header. Numbers
 * are right-aligned by the caller's choice so that decimal commas line up.
 */
export function renderTable(
  rows: readonly (readonly string[])[],
  align: readonly Alignment[],
  prefix = '  ',
): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, width(cell));
    });
  }
  return rows
    .map((row) => {
      const cells = row.map((cell, column) => {
        const padding = ' '.repeat((widths[column] ?? 0) - width(cell));
        return align[column] === 'right' ? padding + cell : cell + padding;
      });
      return (prefix + cells.join('  ')).trimEnd();
    })
    .join('\n');
}
