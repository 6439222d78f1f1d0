import { describe, expect, it } from 'vitest';
import { testContext } from '../test-support/context.js';
import { createDocument } from '../text/document.js';
import { handleRecognizer } from './handle.js';

function handles(text: string, names: string[] = []): string[] {
  return handleRecognizer
    .find(createDocument(text), testContext('staff', { establishment: { names } }))
    .filter((span) => span.score >= 0.5)
    .map((span) => text.slice(span.start, span.end));
}

describe('handle recognizer', () => {
  it('finds people’s accounts', () => {
    expect(handles('avec @marie.lpz @thibault_r et @nono_urg')).toEqual([
      '@marie.lpz',
      '@thibault_r',
      '@nono_urg',
    ]);
    expect(handles('@JulieM_75 merci !')).toEqual(['@JulieM_75']);
  });

  it('ignores institutions, media, e-mails and the establishment', () => {
    expect(handles('@CHU_Valmont les urgences sont ouvertes ?')).toEqual([]);
    expect(handles('journaliste à @OuestInfo_fr')).toEqual([]);
    expect(handles('écrivez à jean@exemple.fr')).toEqual([]);
    expect(handles('bravo @CliniqueDuParc', ['CliniqueDuParc'])).toEqual([]);
  });

  it('does not take people whose handle starts like an institution', () => {
    expect(handles('@chloe_martin @hassan92 @julie_fr @charles.b')).toEqual([
      '@chloe_martin',
      '@hassan92',
      '@julie_fr',
      '@charles.b',
    ]);
    expect(handles('@CHUValmont @ch_saintaubert @ARS_IDF @SantePubliqueFr')).toEqual([]);
  });
});
