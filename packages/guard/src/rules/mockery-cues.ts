/**
 * Mockery, the carer's form of RESPECT-01: of patients ("le gros du 14 a ENCORE sonné 🐷",
 * "le papy du lit d'à côté qui parle tout seul 😂😂", "regardez-moi cette escarre 🤢🤢"), of
 * students ("la stagiaire a confondu le haricot et le bassin 🤡🤡"), and the hospital's own
 * condescension when it answers a patient ("si vous aviez pris la peine de lire les panneaux 🙄").
 * Warmth ("notre mamie ❤️", "on rit beaucoup avec elle") is not derision.
 *
 * One scan of the post weighs every sign; the capitals check reads the original text.
 */
import type { GuardDocument } from '../text/document.js';
import { writtenUpper } from './people-cues.js';
import { anyOf, type Hit, type LabelledHit, phraseFamily, scanFamily, within } from './phrase-family.js';
import { rememberLast } from './remember-last.js';

type MockerySign =
  | 'blunder'
  | 'contempt'
  | 'derision'
  | 'scorn'
  | 'warmth'
  | 'coverage'
  | 'condescension'
  | 'sneer';

const SIGNS = phraseFamily<MockerySign>(
  [
    // Nouns that are contempt by themselves ("le gros du 14", "les cas soc").
    [
      'contempt',
      '(?:le|la) (?:gros|grosse|obese|baleine|vieille|folle|fou|dingue|zinzin) (?:du|de la|de l.) (?:chambre |box |lit )?\\d{1,3}',
      'gros|grosse|obese|baleine|vieille|folle|fou|dingue|zinzin',
    ],
    [
      'contempt',
      `(?:papy|papi|mamie|vieux|vieille|pepe|meme) (?:${anyOf(['gateux', 'gateuse', 'gaga', 'senile', 'qui pue', 'puant', 'puante', 'crade', 'degueu', 'zinzin', 'toque', 'toquee'])})`,
      'gateux|gateuse|gaga|senile|pue|puant|puante|crade|degueu|zinzin|toque|toquee',
    ],
    [
      'contempt',
      '(?:les|des|ces|nos|un|une|ce|cette) (?:chochottes?|simulatrices?|profiteurs?|profiteuses?|boulets?)',
      'chochottes?|simulatrices?|profiteurs?|profiteuses?|boulets?',
    ],
    // Speaking of a person as a thing: "mettre ça à côté des opérés".
    [
      'contempt',
      '(?:mettre|foutre|garder|coller|laisser) (?:ca|ces gens(?:-la)?|ces trucs) (?:a cote|avec|dans|ici|pres)',
      'mettre|foutre|garder|coller|laisser',
    ],
    // The hospital talking down to the person it answers.
    [
      'condescension',
      "si vous aviez (?:pris la peine|lu|ecoute|respecte|suivi|pense)|ne vous etonnez pas|vous n'aviez qu'a|apprenez a (?:lire|vous comporter|patienter|respecter|attendre)|(?:vous etiez|vous etes arrivee?|vous etes venue?) (?:fortement |completement |tres |bien |encore )?(?:alcoolisee?|ivre|saoule?|bourree?|agressive?|odieu(?:x|se)|insupportable|hysterique|droguee?|sale)|(?:ce n'est|c'est|n'est|ne sont|sont) pas (?:un hotel|le club med|un drive|mcdo|un restaurant|une garderie|un salon de the|sos bobo|un centre aere|une creche)|(?:une garderie|un refuge|un hotel) pour (?:les )?(?:hypocondriaques|malades imaginaires|douillets|douillettes|chochottes|feignants|faineants|flemmards)|quand on (?:vient|arrive|se presente|debarque) (?:aux urgences |ici )?pour (?:un|une|des) (?:rhume|bobo|egratignure|ongle|petit rien|mal de gorge|rien du tout)|on ne se plaint pas|(?:on|vous) n'(?:etes|est) pas (?:les )?(?:prioritaires?|seule?s? au monde)|la prochaine fois,? (?:lisez|venez|respectez|appelez|renseignez-vous|reflechissez)|il suffisait de (?:lire|demander|regarder)",
      'aviez|etonnez|apprenez|etiez|etes|est|hotel|club|drive|mcdo|restaurant|garderie|salon|sos|centre|creche|refuge|vient|arrive|presente|debarque|plaint|prochaine|suffisait',
    ],
    [
      'sneer',
      "un peu de respect|bonne journee quand meme|on n'est pas (?:vos|des) (?:larbins|boniches|domestiques|esclaves)|sachez que|comme (?:indique|ecrit|affiche) (?:partout|a l'entree|sur)",
      'respect|journee|larbins|boniches|domestiques|esclaves|sachez|indique|ecrit|affiche',
    ],
    [
      'derision',
      'mdr+|ptdr+|lol|xptdr|mouahaha\\w*|storytime|je vous laisse deviner|devinez (?:quoi|lequel|laquelle|ce que)|regardez(?:-moi| moi)? (?:ce|cette|ces|jusqu.a la fin)|vous allez rire',
      'mdr|mdrr|ptdr|ptdrr|lol|xptdr|mouahaha|storytime|deviner|devinez|regardez|rire',
    ],
    [
      'derision',
      "comme d'hab|comme toujours|encore la|a son nom|cadenas|cuver|pour un rhume|pour un bobo|parle tout seul|parlait tout seul|qui se prend pour",
      'hab|toujours|encore|nom|cadenas|cuver|rhume|bobo|seul|prend',
    ],
    // A blunder told to laugh at whoever made it: "a confondu le haricot et le bassin", "a mis la sonde à l'envers".
    [
      'blunder',
      `a confondu|s'est trompee? de|sait (?:meme )?pas (?:faire|poser|piquer|lire|brancher|prendre)|on va en faire (?:qqchose|quelque chose)|a (?:mis|pose|branche|monte) (?:la|le|les|l'|sa|son|ses) ${within(25)}a l'envers|a cherche (?:la|le|les|l') ${within(30)}pendant|a (?:encore )?(?:rate|loupe|foire) (?:sa|son|la|le|l')`,
      'confondu|trompee?|sait|faire|envers|cherche|rate|loupe|foire',
    ],
    [
      'derision',
      "on (?:a|s'est) (?:bien |trop )?(?:rigole|marre|eclate)|fou rire|trop drole|il se prend pour|elle se prend pour|on devrait (?:les|le|la|lui|leur)",
      'rigole|marre|eclate|fou|drole|prend|devrait',
    ],
    // Fails shared for laughs: "#fail", "qui pleure devant tout le monde" (a hashtag's "#" is no word edge).
    [
      'derision',
      '(?:epic)?fail|loser|pleure (?:au self|devant tout le monde|comme une madeleine|comme un bebe|dans les toilettes|en plein staff)',
      'fail|epicfail|loser|pleure',
    ],
    ['derision', 'sonne \\d+ fois|\\d+ fois (?:la|le|par) (?:sonnette|nuit)', 'sonne|fois'],
    [
      'warmth',
      "adorables?|mignonn?e?s?|trop chou|attendrissante?|touchante?|emouvante?|fiere?s?|merci|bisous|tendresse|courage a (?:lui|elle)|on l.(?:aime|adore)|pensees? pour|(?:nous|m') a (?:bien |tellement |trop )?fait rire|avec ses blagues|un amour|un crack",
      'adorables?|mignonn?e?s?|chou|attendrissante?|touchante?|emouvante?|fiere?s?|merci|bisous|tendresse|courage|aime|adore|pensees?|rire|blagues|amour|crack',
    ],
    ['coverage', 'ame|cmu(?:-c)?|c2s', 'ame|cmu|c2s'],
  ],
  [
    ['derision', '🙄|💀|🍿|😂|🤣|😹|😭\\s*😭'],
    ['scorn', '🐷|🐖|🤮|🤢|🤡|🐄|🐳|🦍|🐒'],
    ['warmth', '❤️|❤|💕|🥰|😍|💙|💜|🥹|🤗'],
  ],
);

function computeSigns(folded: string): LabelledHit<MockerySign>[] {
  return scanFamily(SIGNS, folded);
}

const signsOf = rememberLast(computeSigns);

const SHOUTED = /(?:^|[^A-Za-z\u00c0-\u00ff])(?:ENCORE|TOUJOURS|JAMAIS|ENFIN)(?![A-Za-z\u00c0-\u00ff])/;

export function contemptCues(folded: string): Hit[] {
  return signsOf(folded).filter((hit) => hit.label === 'contempt');
}

/** How strongly the post laughs at someone: laughter counts 1, animal and disgust emojis 2. */
export function derisionWeight(doc: GuardDocument): number {
  let total = 0;
  for (const hit of signsOf(doc.folded)) {
    if (hit.label === 'derision' || hit.label === 'blunder') total += 1;
    else if (hit.label === 'scorn') total += 2;
  }
  // A word shouted in capitals in a lower-case sentence ("est ENCORE là") mocks.
  if (SHOUTED.test(doc.text)) total += 1;
  return total;
}

/** A blunder told to laugh at it, or a clown emoji: what makes laughter about a colleague mockery. */
export function laughsAtBlunder(folded: string): boolean {
  return signsOf(folded).some(
    (hit) => hit.label === 'blunder' || (hit.label === 'scorn' && folded.slice(hit.start, hit.end) === '🤡'),
  );
}

export function soundsWarm(folded: string): boolean {
  return signsOf(folded).some((hit) => hit.label === 'warmth');
}

/** How much a reply talks down to the person it answers: 2 for a put-down, 1 for a sneer or 🙄. */
export function condescensionWeight(folded: string): number {
  let total = 0;
  for (const hit of signsOf(folded)) {
    if (hit.label === 'condescension') total += 2;
    else if (hit.label === 'sneer') total += 1;
    else if (hit.label === 'derision' && folded.slice(hit.start, hit.end) === '🙄') total += 1;
  }
  return total;
}

/** "AME", "CMU" written as acronyms: "âme" folds to "ame" too, so the original must be in capitals. */
export function coverageLabels(doc: GuardDocument): Hit[] {
  return signsOf(doc.folded).filter((hit) => hit.label === 'coverage' && writtenUpper(doc, hit));
}
