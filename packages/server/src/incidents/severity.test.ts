import { analyze, loadLexicon } from '@blouse/guard';
import { describe, expect, it } from 'vitest';
import { proposeCategory } from './categories.js';
import { levelOfScore, proposeSeverity } from './severity.js';

describe('the severity grid (domain-rules §3.4)', () => {
  it('bands the sum of the four dimensions', () => {
    expect([0, 1, 2, 3, 4, 6, 7, 9, 10, 12].map(levelOfScore)).toEqual([
      'N0',
      'N0',
      'N1',
      'N1',
      'N2',
      'N2',
      'N3',
      'N3',
      'N4',
      'N4',
    ]);
  });

  it('reads lawful, neutral text as N0', () => {
    expect(proposeSeverity({ rules: [], guardCategory: 'PRAISE' })).toEqual({
      severity: 'N0',
      scores: { legal: 0, reach: 0, credibility: 0, human: 0 },
      overrides: [],
    });
  });

  it('reads harsh criticism as gravity 1 only', () => {
    const proposal = proposeSeverity({ rules: [], guardCategory: 'COMPLAINT' });
    expect(proposal.scores.legal).toBe(1);
    expect(proposal.severity).toBe('N0');
  });

  it('scores an insult of a team as N1', () => {
    const proposal = proposeSeverity({ rules: ['RESPECT-01'], guardCategory: 'COMPLAINT' });
    expect(proposal.scores).toMatchObject({ legal: 2, human: 1 });
    expect(proposal.severity).toBe('N1');
  });

  it('scores a defamation of a named person as N2 before reach is known', () => {
    const proposal = proposeSeverity({ rules: ['DEFAM-01', 'RESPECT-02'], guardCategory: 'DEFAMATION' });
    expect(proposal.scores).toMatchObject({ legal: 3, human: 2 });
    expect(proposal.severity).toBe('N2');
    expect(proposal.overrides).toEqual([]);
  });

  it('raises any patient data to at least N3', () => {
    for (const rule of ['SECRET-01', 'SECRET-03', 'IMAGE-01', 'IMAGE-02']) {
      const proposal = proposeSeverity({ rules: [rule], guardCategory: 'PRIVACY_BREACH' });
      expect(proposal.severity).toBe('N3');
      expect(proposal.overrides).toContain('patient_data');
    }
  });

  it('raises threats, pile-ons and doxxing to N4', () => {
    expect(proposeSeverity({ rules: [], guardCategory: 'THREAT' }).severity).toBe('N4');
    expect(proposeSeverity({ rules: ['HARASS-01'], guardCategory: null }).severity).toBe('N4');
    const doxx = proposeSeverity({ rules: ['DOXX-01'], guardCategory: 'DOXXING' });
    expect(doxx.severity).toBe('N4');
    expect(doxx.overrides).toEqual(['doxxing']);
  });

  it('does not let a charter breach without personal data pass N1', () => {
    expect(proposeSeverity({ rules: ['ROLE-03'], guardCategory: 'INFO' }).severity).toBe('N0');
    expect(proposeSeverity({ rules: ['DISCR-01'], guardCategory: 'INFO' }).severity).toBe('N1');
  });
});

describe('the proposal on real French posts, through the guard', () => {
  const lexicon = loadLexicon();
  const propose = (text: string) => {
    const report = analyze(text, { context: 'public' }, lexicon);
    const rules = report.findings.map((finding) => finding.rule);
    return {
      ...proposeSeverity({ rules, guardCategory: report.category }),
      category: proposeCategory(report.category, rules),
    };
  };

  it('a post naming a patient with a diagnosis is at least N3, a secret breach', () => {
    const proposal = propose(
      'Mme Dupont, chambre 12 en cardiologie, a un cancer du pancréas, je l’ai vue hier au CHU',
    );
    expect(['N3', 'N4']).toContain(proposal.severity);
    expect(proposal.category).toBe('secret_breach');
  });

  it('a threat against a nurse with her address is N4', () => {
    const proposal = propose(
      'L’infirmière Sophie Martin habite au 12 rue des Lilas à Valmont, on va aller lui faire payer, elle va le regretter',
    );
    expect(proposal.severity).toBe('N4');
    expect(['threat', 'doxxing']).toContain(proposal.category);
  });

  it('a harsh but lawful complaint is N0 or N1', () => {
    const proposal = propose(
      '4 h d’attente aux urgences, c’est honteux, personne ne nous informe. Service lamentable.',
    );
    expect(['N0', 'N1']).toContain(proposal.severity);
    expect(proposal.category).toBe('complaint');
  });

  it('a defamatory accusation against a named doctor is filed as defamation', () => {
    const proposal = propose(
      'Le Dr Bernard a tué mon père par négligence, c’est un boucher qui opère bourré',
    );
    expect(proposal.category).toBe('defamation');
    expect(proposal.scores.legal).toBe(3);
  });
});
