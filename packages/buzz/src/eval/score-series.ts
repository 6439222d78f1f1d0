import { SpikeDetector } from '../detector.js';
import type { TimeZone } from '../local-clock.js';
import { type CountRow, inferBucketSeconds } from './count-csv.js';

export interface SeriesScoring {
  /** The CSV to write: timestamp,value,anomaly_score with the input's rows in order. */
  readonly csv: string;
  readonly rows: number;
  readonly bucketSeconds: number;
  /** Points where a surge opened or was raised (what a person would be notified of). */
  readonly onsets: number;
  readonly alerts: number;
}

/**
 * Scores one series in a single causal pass, as the benchmark asks. The anomaly_score written
 * is the detector's score on the points where it would notify someone (a surge opens or is
 * raised) and 0 elsewhere: the Numenta benchmark rewards the first detection of each labelled
 * window and charges every detection outside one, which is exactly the cost of notifying people
 * again and again during one surge. The raw score of every point stays available to the
 * application (`BuzzPoint.score`).
 */
export function scoreSeries(rows: readonly CountRow[], timeZone: TimeZone = 'UTC'): SeriesScoring {
  const bucketSeconds = inferBucketSeconds(rows);
  const detector = new SpikeDetector({ bucketSeconds, timeZone });
  const lines = ['timestamp,value,anomaly_score'];
  let onsets = 0;
  let alerts = 0;
  for (const row of rows) {
    const point = detector.update(row.ms, row.count);
    if (point.onset) {
      onsets++;
      if (point.level === 'alert') alerts++;
    }
    const score = point.onset ? point.score : 0;
    lines.push(`${row.timestamp},${row.value},${score.toFixed(6)}`);
  }
  return { csv: `${lines.join('\n')}\n`, rows: rows.length, bucketSeconds, onsets, alerts };
}
