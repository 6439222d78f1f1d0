/**
 * The few shapes the monthly report draws with pdfkit: a heading, key-figure tiles, horizontal
 * bar charts and plain tables. Bars rather than pies: a length reads at a glance in print and in
 * grey, and each bar carries its number, so the chart never holds a figure the text does not.
 */
export type Pdf = PDFKit.PDFDocument;

export const PAGE_MARGIN = 48;
const INK = '#1a1a1a';
const MUTED = '#5c5f66';
const RULE = '#dee2e6';
export const BAR_COLOUR = '#1c7ed6';

const usableWidth = (doc: Pdf) => doc.page.width - 2 * PAGE_MARGIN;
const bottom = (doc: Pdf) => doc.page.height - PAGE_MARGIN;

/** Starts a new page when `height` points do not fit below the cursor. */
export function keepTogether(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function heading(doc: Pdf, text: string): void {
  keepTogether(doc, 60);
  doc.moveDown(0.8);
  doc.x = PAGE_MARGIN;
  doc.font('bold').fontSize(13).fillColor(INK).text(text);
  doc.moveDown(0.3).font('regular').fontSize(10);
}

/** A chart's own title inside a section (« Par source »). */
export function subheading(doc: Pdf, text: string): void {
  keepTogether(doc, 40);
  doc.moveDown(0.4);
  doc.x = PAGE_MARGIN;
  doc.font('bold').fontSize(9.5).fillColor(MUTED).text(text).fillColor(INK);
  doc.moveDown(0.2).font('regular').fontSize(10);
}

export function note(doc: Pdf, text: string): void {
  doc.x = PAGE_MARGIN;
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text(text, { width: usableWidth(doc) })
    .fillColor(INK);
  doc.fontSize(10);
}

export interface Tile {
  readonly label: string;
  readonly value: string;
}

/** Key figures as tiles, three to a row: the number large, its meaning under it. */
export function tiles(doc: Pdf, items: readonly Tile[]): void {
  const perRow = 3;
  const gap = 10;
  const width = (usableWidth(doc) - gap * (perRow - 1)) / perRow;
  const height = 58;
  for (let start = 0; start < items.length; start += perRow) {
    keepTogether(doc, height + gap);
    const top = doc.y;
    items.slice(start, start + perRow).forEach((item, index) => {
      const left = PAGE_MARGIN + index * (width + gap);
      doc.roundedRect(left, top, width, height, 4).lineWidth(0.8).strokeColor(RULE).stroke();
      doc
        .font('bold')
        .fontSize(20)
        .fillColor(INK)
        .text(item.value, left + 10, top + 8, { width: width - 20 });
      doc
        .font('regular')
        .fontSize(9)
        .fillColor(MUTED)
        .text(item.label, left + 10, top + 36, { width: width - 20 });
    });
    doc.fillColor(INK);
    doc.x = PAGE_MARGIN;
    doc.y = top + height + gap;
  }
  doc.fontSize(10);
}

export interface Bar {
  readonly label: string;
  readonly value: number;
}

/** A horizontal bar chart: label on the left, bar, then the count. Zero rows stay (a zero is news). */
export function barChart(doc: Pdf, bars: readonly Bar[], colour = BAR_COLOUR): void {
  if (bars.length === 0) {
    note(doc, 'Rien à compter sur la période.');
    return;
  }
  const rowHeight = 16;
  const labelWidth = 190;
  const valueWidth = 50;
  const barSpace = usableWidth(doc) - labelWidth - valueWidth - 10;
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  for (const bar of bars) {
    keepTogether(doc, rowHeight);
    const top = doc.y;
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(INK)
      .text(bar.label, PAGE_MARGIN, top + 3, { width: labelWidth - 8, height: rowHeight, ellipsis: true });
    const length = Math.max(bar.value > 0 ? 1.5 : 0, (bar.value / largest) * barSpace);
    if (length > 0) doc.rect(PAGE_MARGIN + labelWidth, top + 3, length, rowHeight - 6).fill(colour);
    doc
      .fillColor(INK)
      .text(formatCount(bar.value), PAGE_MARGIN + labelWidth + length + 6, top + 3, { width: valueWidth });
    doc.x = PAGE_MARGIN;
    doc.y = top + rowHeight;
  }
  doc.fontSize(10);
}

export interface Column {
  readonly title: string;
  /** Share of the usable width. */
  readonly width: number;
  readonly align?: 'left' | 'right';
}

/** A table: bold header, thin rules, rows kept whole across pages (the header repeats). */
export function table(doc: Pdf, columns: readonly Column[], rows: readonly (readonly string[])[]): void {
  const total = usableWidth(doc);
  const widths = columns.map((column) => column.width * total);
  const drawRow = (cells: readonly string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(font === 'bold' ? 8 : 9);
    const height =
      Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: (widths[index] ?? 0) - 6 }))) +
      6;
    const top = doc.y;
    let left = PAGE_MARGIN;
    cells.forEach((cell, index) => {
      const width = widths[index] ?? 0;
      doc
        .fillColor(INK)
        .text(cell, left + 3, top + 3, { width: width - 6, align: columns[index]?.align ?? 'left' });
      left += width;
    });
    doc
      .moveTo(PAGE_MARGIN, top + height)
      .lineTo(PAGE_MARGIN + total, top + height)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.x = PAGE_MARGIN;
    doc.y = top + height;
    return height;
  };
  const header = columns.map((column) => column.title);
  keepTogether(doc, 40);
  drawRow(header, 'bold');
  for (const row of rows) {
    if (doc.y + 30 > bottom(doc)) {
      doc.addPage();
      drawRow(header, 'bold');
    }
    drawRow(row, 'regular');
  }
  doc.fontSize(10);
}

const counts = new Intl.NumberFormat('fr-FR');
export const formatCount = (value: number): string => counts.format(value);
export const formatPercent = (value: number | null): string =>
  value === null ? '–' : `${value.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;

/** Minutes as « 45 min », « 3 h 20 », « 2 j 4 h ». */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '–';
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
  }
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.round((minutes % (24 * 60)) / 60);
  return hours === 0 ? `${days} j` : `${days} j ${hours} h`;
}
