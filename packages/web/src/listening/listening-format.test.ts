import { describe, expect, it } from 'vitest';
import { formatHandle, formatHour, formatReach, volumeSeries } from './listening-format';

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
});
