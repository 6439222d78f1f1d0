import { describe, expect, it } from 'vitest';
import { alertLabelPosition, formatHandle, formatHour, formatReach, volumeSeries } from './listening-format';

describe('how listening shows numbers, authors and hours', () => {
  it('counts followers the French way, singular for one', () => {
    // Intl writes the thousands with a narrow no-break space in French.
    expect(formatReach(12400, 'fr')).toBe('12\u202f400 abonnés');
    expect(formatReach(1, 'fr')).toBe('1 abonné');
    expect(formatReach(0, 'fr')).toBe('0 abonné');
    expect(formatReach(12400, 'en')).toBe('12,400 followers');
    expect(formatReach(null, 'fr')).toBeNull();
  });

  it('writes a handle with one @', () => {
    expect(formatHandle('soignant.bsky.social')).toBe('@soignant.bsky.social');
    expect(formatHandle('@@valmont')).toBe('@valmont');
    expect(formatHandle('Le Journal de Démoville')).toBe('Le Journal de Démoville');
    expect(formatHandle('  ')).toBeNull();
    expect(formatHandle('@did:plc:hoksduyxzk2njhzp6odnkkfe')).toBe('did:plc:hoksduyxzk2njhzp6odnkkfe');
    expect(formatHandle(null)).toBeNull();
  });

  it('labels an hour in French', () => {
    expect(formatHour('2026-12-05T14:00:00.000Z', 'fr', 'Europe/Paris')).toBe('5 déc., 15 h');
  });
});

describe('the volume chart’s points', () => {
  const buckets = [
    { start: '2026-12-05T10:00:00.000Z', count: 2 },
    { start: '2026-12-05T11:00:00.000Z', count: 9 },
    { start: '2026-12-05T12:00:00.000Z', count: 0 },
  ];
  const label = (iso: string) => iso.slice(11, 13);

  it('keeps every bucket, empty hours included, in order', () => {
    const { points } = volumeSeries(buckets, [], label);
    expect(points.map((point) => [point.hour, point.mentions])).toEqual([
      ['10', 2],
      ['11', 9],
      ['12', 0],
    ]);
  });

  it('puts each alert on the hour it was raised in, and leaves out one outside the period', () => {
    const alerts = [
      { id: 'a', createdAt: '2026-12-05T11:42:00.000Z' },
      { id: 'b', createdAt: '2026-12-05T12:00:00.000Z' },
      { id: 'c', createdAt: '2026-12-05T09:59:59.000Z' },
    ];
    expect(volumeSeries(buckets, alerts, label).alertHours).toEqual([
      { id: 'a', hour: '11' },
      { id: 'b', hour: '12' },
    ]);
  });

  it('writes an alert marker’s label away from the nearest edge', () => {
    // recharts: insideTopRight ends the label at its line (text to the left), insideTopLeft starts it there.
    expect(alertLabelPosition(167, 168)).toBe('insideTopRight');
    expect(alertLabelPosition(84, 168)).toBe('insideTopRight');
    expect(alertLabelPosition(0, 168)).toBe('insideTopLeft');
    expect(alertLabelPosition(83, 168)).toBe('insideTopLeft');
  });
});
