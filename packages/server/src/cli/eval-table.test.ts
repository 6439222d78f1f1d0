import { type EvalError as GuardEvalError, metricsFromTallies, tallyPredictions } from '@blouse/guard';
import { describe, expect, it } from 'vitest';
import { type EvalSummary, renderEvalTable } from './eval-table.js';

function summaryOf(tallies: ReturnType<typeof tallyPredictions>, errors: GuardEvalError[] = []): EvalSummary {
  return {
    source: 'jeu.jsonl',
    invalidLines: 1,
    elapsedMs: 1234,
    tallies,
    metrics: metricsFromTallies(tallies),
    errors,
  };
}

function record(id: string, fields: Record<string, unknown>) {
  return {
    id,
    context: 'staff' as const,
    text: 'texte',
    spans: [],
    rules: [],
    verdict: 'ok' as const,
    category: null,
    verdictAssessed: true,
    annotated: 'gold' as const,
    ...fields,
  };
}

const ROOM = { type: 'ROOM' as const, start: 0, end: 3, score: 1, recognizer: 't' };

describe('renderEvalTable', () => {
  it('shows each ratio with its counts, in French number format', () => {
    const tallies = tallyPredictions([
      {
        record: record('a', {
          verdict: 'block',
          rules: ['SECRET-01'],
          spans: [{ type: 'ROOM', start: 0, end: 3 }],
        }),
        report: { verdict: 'block', spans: [ROOM], findings: [], category: null },
      },
      {
        record: record('b', { verdict: 'block' }),
        report: { verdict: 'ok', spans: [], findings: [], category: null },
      },
      { record: record('c', {}), report: { verdict: 'ok', spans: [], findings: [], category: null } },
    ]);
    const out = renderEvalTable(summaryOf(tallies), false);
    expect(out).toContain('Évaluation du garde : jeu.jsonl\n3 publications, 1 ligne invalide ignorée');
    expect(out).toContain('analysées en 1,2 s');
    expect(out).toMatch(/rappel des « block »\s+50,0 %\s+1 \/ 2/);
    expect(out).toMatch(/fausses alertes sur les « ok »\s+0,0 %\s+0 \/ 1/);
    expect(out).toMatch(/ROOM\s+100,0 %\s+100,0 %\s+100,0 %\s+1\s+1/);
    expect(out).toMatch(/SECRET-01\s+0,0 %\s+0 \/ 1/);
    expect(out).not.toContain('Catégorie');
    expect(out).not.toContain('texte ordinaire');
    expect(out).toContain('Erreurs de verdict : aucune.');
  });

  it('for ordinary unannotated text, gives the alert rate and predicted span counts instead', () => {
    const tweet = (id: string) => record(id, { verdictAssessed: false, annotated: 'none' });
    const tallies = tallyPredictions([
      {
        record: tweet('t1'),
        report: { verdict: 'warn', spans: [ROOM, { ...ROOM, type: 'PHONE' }], findings: [], category: null },
      },
      { record: tweet('t2'), report: { verdict: 'ok', spans: [], findings: [], category: null } },
      { record: tweet('t3'), report: { verdict: 'ok', spans: [], findings: [], category: null } },
    ]);
    const out = renderEvalTable(summaryOf(tallies), false);
    expect(out).toMatch(/taux d’alerte sur texte ordinaire\s+33,3 %\s+1 \/ 3/);
    expect(out).toContain('  ROOM 1, PHONE 1');
    expect(out).not.toContain('Verdicts');
    expect(out).not.toContain('précision  rappel');
  });

  it('lists the 15 worst errors, or all of them with --errors', () => {
    const errors: GuardEvalError[] = Array.from({ length: 20 }, (_, index) => ({
      id: `p${index}`,
      kind: index < 18 ? 'missed-block' : 'ordinary-alert',
      gold: 'block',
      predicted: index < 18 ? 'ok' : 'warn',
      rules: index === 0 ? ['SECRET-01', 'GEO-01'] : [],
      excerpt: 'La dame\tdu lit\u001b 4',
    }));
    const tallies = tallyPredictions([]);
    const short = renderEvalTable(summaryOf(tallies, errors), false);
    expect(short).toContain('les 15 plus graves sur 20 (--errors pour toutes)');
    expect(short).toMatch(/p0\s+manqué\s+block → ok\s+SECRET-01,GEO-01\s+« La dame du lit\uFFFD 4 »/);
    expect(short).not.toContain('p15');
    const all = renderEvalTable(summaryOf(tallies, errors), true);
    expect(all).toMatch(/p19\s+alerte sur texte ordinaire\s+\? → warn/);
  });
});
