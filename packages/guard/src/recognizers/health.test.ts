import { describe, expect, it } from 'vitest';
import { createPhraseMatcher } from '../lexicon/phrase-matcher.js';
import { EMPTY_LEXICON, testContext } from '../test-support/context.js';
import { createDocument } from '../text/document.js';
import { healthRecognizer } from './health.js';

const context = {
  ...testContext(),
  lexicon: {
    ...EMPTY_LEXICON,
    drugs: createPhraseMatcher([
      ['risperdal', { kind: 'drug' as const, source: 'test' }],
      ['lovenox', { kind: 'drug' as const, source: 'test' }],
      ['xanax', { kind: 'drug' as const, source: 'test' }],
    ]),
  },
};

/** What is reported once overlaps are resolved: the spans not inside a longer one. */
function health(text: string): string[] {
  const spans = healthRecognizer.find(createDocument(text), context).filter((span) => span.score >= 0.5);
  return spans
    .filter(
      (span) =>
        !spans.some(
          (other) =>
            other !== span &&
            other.start <= span.start &&
            other.end >= span.end &&
            other.end - other.start > span.end - span.start,
        ),
    )
    .map((span) => text.slice(span.start, span.end));
}

describe('health recognizer', () => {
  it('finds conditions as people type them', () => {
    expect(health('il a fait un AVC mardi')).toEqual(['a fait un AVC']);
    expect(health('un AVC, des signes à connaître')).toEqual(['AVC']);
    expect(health('leucemie diagnostiquee hier')).toEqual(['leucemie']);
    expect(health('une embolie pulmonaire')).toEqual(['embolie pulmonaire']);
    expect(health('en arrêt pour burn out')).toEqual(['burn out']);
    expect(health('brûlé au troisième degré')).toEqual(['brûlé au troisième degré']);
  });

  it('finds procedures with their body part', () => {
    expect(health('son IRM du genou est reportée')).toEqual(['IRM du genou']);
    expect(health('opéré de la vésicule hier')).toEqual(['opéré de la vésicule']);
    expect(health('une fracture de la cheville')).toEqual(['fracture de la cheville']);
    expect(health('rupture du ligament croisé')).toEqual(['rupture du ligament croisé']);
  });

  it('takes a dose with a drug name', () => {
    expect(health('traitement Risperdal 4 mg le soir')).toEqual(['Risperdal 4 mg']);
  });

  it('keeps upper-case abbreviations upper-case only', () => {
    expect(health('après une TS la semaine dernière')).toEqual(['TS']);
    expect(health('ts les jours')).toEqual([]);
  });

  it('does not take ordinary words', () => {
    expect(health('on a passé une super soirée')).toEqual([]);
    expect(health('le scanneur de documents')).toEqual([]);
    expect(health('le coronavirus nous a appris')).toEqual([]);
  });

  it('finds procedures, by name and by verb', () => {
    expect(health('ma tante a eu une césarienne en urgence')).toEqual(['césarienne']);
    expect(health('pose de stent prévue jeudi pour le voisin')).toEqual(['pose de stent']);
    expect(health('il est sous dialyse trois fois par semaine')).toEqual(['sous dialyse']);
    expect(health('mon oncle s’est fait opérer du genou')).toEqual(['s’est fait opérer du genou']);
    expect(health('elle est opérée de la hanche demain')).toEqual(['opérée de la hanche']);
    expect(health('le monsieur du 12 a été intubé cette nuit')).toEqual(['a été intubé']);
    expect(health('après son IVG elle a pleuré')).toEqual(['IVG']);
  });

  it('finds a lower-case drug in a treatment, not alone', () => {
    expect(health('le papi est sous lovenox depuis sa chute')).toEqual(['sous lovenox']);
    expect(health('il prend du xanax tous les soirs')).toEqual(['xanax']);
    expect(health('sa chimio commence lundi')).toEqual(['chimio']);
    expect(health('xanax est un mot qui sonne bien')).toEqual([]);
  });

  it('finds obstetric events', () => {
    expect(health('elle a fait une fausse couche en mai')).toEqual(['fausse couche']);
    expect(health('une grossesse extra-utérine découverte tard')).toEqual(['grossesse extra-utérine']);
    expect(health('bébé mort in utero à 7 mois')).toEqual(['mort in utero']);
    expect(health('la petite est née à 29 semaines')).toEqual(['née à 29 semaines']);
  });

  it('finds injuries', () => {
    expect(health('fracture du col chez la dame de 90 ans')).toEqual(['fracture du col']);
    expect(health('trauma crânien après la chute')).toEqual(['trauma crânien']);
    expect(health('le cuisinier brûlé au 2e degré')).toEqual(['brûlé au 2e degré']);
    expect(health('deux ouvriers grièvement blessés')).toEqual(['grièvement blessés']);
    expect(health('une plaie profonde à la main')).toEqual(['plaie profonde']);
  });

  it('finds findings and results', () => {
    expect(health('le voisin est positif au covid')).toEqual(['positif au covid']);
    expect(health('on lui a trouvé une masse suspecte')).toEqual(['masse suspecte']);
    expect(health('son taux de plaquettes est bas')).toEqual(['taux de plaquettes']);
    expect(health('glycémie à 0,6 ce matin')).toEqual(['glycémie à 0,6']);
    expect(health('les résultats de sa biopsie sont arrivés')).toEqual(['résultats de sa biopsie']);
  });

  it('finds psychiatric care and addictions', () => {
    expect(health('le voisin est en HDT depuis lundi')).toEqual(['HDT']);
    expect(health('après son séjour en psychiatrie')).toEqual(['séjour en psychiatrie']);
    expect(health('deuxième tentative de suicide')).toEqual(['tentative de suicide']);
    expect(health('arrivé complètement alcoolisé')).toEqual(['alcoolisé']);
    expect(health('il était sous l’emprise de stupéfiants')).toEqual(['sous l’emprise de stupéfiants']);
    expect(health('ho ho ho joyeux noël')).toEqual([]);
  });

  it('finds a fainting or a stroke told as an event', () => {
    expect(health('le boulanger a fait un malaise au marché')).toEqual(['a fait un malaise']);
    expect(health('depuis son malaise il ne conduit plus')).toEqual(['son malaise']);
    expect(health('le malaise des soignants est profond')).toEqual([]);
  });

  it('finds deaths in care', () => {
    expect(health('le patient est mort au bloc hier')).toEqual(['mort au bloc']);
    expect(health('elle n’a pas survécu à la nuit')).toEqual(['n’a pas survécu']);
  });

  it('finds words by their learned suffix', () => {
    expect(health('sa cholécystectomie s’est bien passée')).toEqual(['cholécystectomie']);
    expect(health('une tendinite au coude, très gênante')).toEqual(['tendinite']);
    // Without any accent in the post, "-inite" could be "féminité": left to the CIM-10 labels.
    expect(health('une tendinite au coude')).toEqual([]);
    expect(health('elle a une coxarthrose sévère')).toEqual(['coxarthrose']);
    expect(health('hémiplégie gauche depuis mars')).toEqual(['hémiplégie']);
  });

  it('leaves the everyday words that look like them', () => {
    expect(health('la pose de la première pierre du nouveau bâtiment')).toEqual([]);
    expect(health('un site web tout neuf')).toEqual([]);
    expect(health('la rose des sables au goûter')).toEqual([]);
    expect(health('une dose de bonne humeur pour l’équipe')).toEqual([]);
    expect(health('la qualité et la sécurité des soins, notre priorité')).toEqual([]);
    expect(health('la qualite et la securite des soins notre priorite')).toEqual([]);
    expect(health('un symptôme de fatigue collective, un vrai fantôme')).toEqual([]);
    expect(health('il propose une visite de la maternité')).toEqual([]);
    expect(health('notre académie de géographie')).toEqual([]);
    expect(health('#rhinoplastie')).toEqual([]);
  });
});
