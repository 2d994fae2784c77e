import { DE_REVIEW_WORDS } from './de-review-vocabulary.js';
import type { LanguageRules } from './types.js';

/** "ä" → "ae", "ß" → "ss": how reviewers type German on a keyboard without umlauts (and the Swiss always). */
function umlautsSpelledOut(word: string): string {
  return word.replace(/[äöüß]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' })[c]!);
}

/**
 * "enttauscht", "zuruckgeschickt": umlauts simply dropped. Only for long words, where the dotless
 * form is rarely another word ("schön" → "schon" is, so short words keep their dots).
 */
function umlautsDropped(word: string): string {
  if (word.length < 7) return word;
  return word.replace(/[äöüß]/g, (c) => ({ ä: 'a', ö: 'o', ü: 'u', ß: 'ss' })[c]!);
}

const UMLAUT_BACK: Readonly<Record<string, string>> = { ä: 'a', ö: 'o', ü: 'u' };

/**
 * Lemma candidates that stripping one ending misses, in this order: a plain ending ("leckere" →
 * "lecker", before it can be read as a comparative of "leck"), past tense "-te" ("quietschte" →
 * "quietscht"), comparatives with and without umlaut ("größer" → "groß", "lautere" → "laut"),
 * superlatives ("schlechteste" → "schlecht", "billigsten" → "billig"), participles without "ge-"
 * ("gelohnt" → "lohnt"), stretched letters, and the verdict first element of a compound.
 */
function germanLemmas(word: string): string[] {
  const out: string[] = [];
  for (const ending of ['em', 'en', 'er', 'es', 'e']) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) {
      out.push(word.slice(0, -ending.length));
      break;
    }
  }
  for (const ending of ['erem', 'eren', 'erer', 'eres', 'ere', 'er']) {
    if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
    const base = word.slice(0, -ending.length);
    out.push(base);
    const umlaut = /[äöü](?=[^aeiouäöü]*$)/.exec(base);
    if (umlaut) out.push(base.slice(0, umlaut.index) + UMLAUT_BACK[umlaut[0]]! + base.slice(umlaut.index + 1));
    break;
  }
  for (const ending of ['esten', 'ester', 'estes', 'estem', 'este', 'sten', 'ster', 'stes', 'stem', 'ste']) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) {
      out.push(word.slice(0, -ending.length));
      break;
    }
  }
  if (word.startsWith('ge') && word.length >= 7) out.push(word.slice(2));
  // "suuuper", "schleeecht": letters stretched for emphasis.
  if (STRETCHED.test(word)) out.push(word.replace(STRETCHED_RUN, '$1'));
  // "Scheißteil", "Schrottservice", "Traumstrand": the verdict is the first element of the compound.
  for (const [prefix, lemma] of VERDICT_PREFIXES) {
    if (word.length - prefix.length >= 4 && word.startsWith(prefix)) {
      out.push(lemma);
      break;
    }
  }
  return out;
}

const STRETCHED = /(\p{L})\1\1/u;
const STRETCHED_RUN = /(\p{L})\1{2,}/gu;
/**
 * First elements that judge whatever they are glued to. Not "super" (Supermarkt), "top" (Topf),
 * "mega" (Megapixel), "edel" (Edelstahl), "klasse" (Klassenfahrt) or "horror" (Horrorfilm).
 */
const VERDICT_PREFIXES: readonly (readonly [string, string])[] = [
  ['scheiß', 'scheiße'], ['scheiss', 'scheiße'], ['drecks', 'mist'], ['schrott', 'schrott'], ['katastrophen', 'katastrophe'],
  ['hammer', 'hammer'], ['spitzen', 'spitze'], ['traum', 'traum'], ['billig', 'billig'], ['murks', 'murks'],
];

/**
 * German separable verbs put their particle at the end of the clause: "die Lampe fiel nach drei
 * Tagen aus", "hört nach einer Woche auf zu laden", "die Verbindung bricht ständig ab". The verb
 * alone means something else ("fallen", "hören", "brechen"), so the particle is joined back to it
 * and the pair is scored as the one verb it is ("ausfallen") where the particle stood, the place
 * of the verb in a subordinate clause ("weil sie nicht mehr abstürzt"): a "nicht" anywhere between
 * verb and particle then turns it ("stürzt seit dem Update nicht mehr ab").
 */
interface Split {
  particle: string;
  lemma: string;
  /** A word that must stand between verb and particle ("hängt sich … auf", not "hängt das Bild auf"). */
  needs?: string;
  /** Words that make it another verb ("fällt eine Nummer kleiner aus" is about size, not failure). */
  unless?: ReadonlySet<string>;
}

const TURNS_OUT = new Set(['klein', 'kleiner', 'groß', 'größer', 'gross', 'grösser', 'weit', 'weiter', 'eng', 'enger',
  'normal', 'kurz', 'kürzer', 'lang', 'länger', 'breit', 'schmal', 'gut', 'besser', 'positiv', 'negativ', 'schlecht',
  'schlechter', 'anders', 'größenmäßig', 'nummer', 'knapp', 'großzügig', 'reichlich', 'üppig', 'mager', 'dürftig']);

const SEPARABLE = new Map<string, readonly Split[]>();
function verb(forms: string, ...splits: Split[]): void {
  for (const form of forms.split(' ')) {
    SEPARABLE.set(form, splits);
    SEPARABLE.set(umlautsSpelledOut(form), splits);
  }
}
verb('fällt fiel fielen fallen', { particle: 'aus', lemma: 'ausfallen', unless: TURNS_OUT },
  { particle: 'auseinander', lemma: 'auseinanderfallen' }, { particle: 'ab', lemma: 'abfallen' },
  { particle: 'um', lemma: 'umfallen' }, { particle: 'durch', lemma: 'durchfallen' });
verb('hört hörte hörten hören', { particle: 'auf', lemma: 'aufhören' });
verb('gibt gab gaben gebe geben', { particle: 'auf', lemma: 'aufgeben' }, { particle: 'zurück', lemma: 'zurückgeben' },
  { particle: 'nach', lemma: 'nachgeben' });
verb('geht ging gingen gehen', { particle: 'kaputt', lemma: 'kaputtgehen' }, { particle: 'zurück', lemma: 'zurückgehen' },
  { particle: 'aus', lemma: 'ausgehen', unless: new Set(['davon']) }, { particle: 'retour', lemma: 'zurückgehen' });
verb('bricht brach brachen brechen', { particle: 'ab', lemma: 'abbrechen' }, { particle: 'zusammen', lemma: 'zusammenbrechen' },
  { particle: 'auseinander', lemma: 'auseinanderbrechen' }, { particle: 'durch', lemma: 'durchbrechen' });
verb('stürzt stürzte stürzten stürzen', { particle: 'ab', lemma: 'abstürzen' });
verb('schmiert schmierte', { particle: 'ab', lemma: 'abstürzen' });
verb('hängt hing hängte hängen', { particle: 'auf', lemma: 'aufhängen', needs: 'sich' });
verb('setzt setzte setzen', { particle: 'aus', lemma: 'aussetzen' });
verb('schaltet schaltete schalten', { particle: 'ab', lemma: 'abschalten', needs: 'sich' },
  { particle: 'aus', lemma: 'abschalten', needs: 'sich' });
verb('schicke schickt schickte schickten schicken', { particle: 'zurück', lemma: 'zurückschicken' });
verb('sende sendet sandte sendete senden', { particle: 'zurück', lemma: 'zurückschicken' });
verb('lässt ließ', { particle: 'nach', lemma: 'nachlassen' });
verb('löst löste lösten lösen', { particle: 'ab', lemma: 'ablösen', needs: 'sich' }, { particle: 'auf', lemma: 'ablösen', needs: 'sich' });
verb('rate rät riet raten', { particle: 'ab', lemma: 'abraten' });
verb('läuft lief liefen laufen', { particle: 'aus', lemma: 'auslaufen' });
verb('reißt reisst riss rissen', { particle: 'ab', lemma: 'abreißen' }, { particle: 'ein', lemma: 'abreißen' },
  { particle: 'aus', lemma: 'abreißen' });
verb('rege regt regte regen', { particle: 'auf', lemma: 'aufregen' });
verb('zeichnet zeichnete', { particle: 'aus', lemma: 'auszeichnen' });
verb('friert fror', { particle: 'ein', lemma: 'einfrieren' });
verb('brennt brannte', { particle: 'durch', lemma: 'durchbrennen' }, { particle: 'an', lemma: 'anbrennen' });
verb('weicht wich', { particle: 'ab', lemma: 'abweichen' });
verb('bleibt blieb', { particle: 'hängen', lemma: 'hängenbleiben' }, { particle: 'stehen', lemma: 'hängenbleiben' });
verb('tausche tauscht tauschte', { particle: 'um', lemma: 'umtauschen' });
verb('hält hielt', { particle: 'durch', lemma: 'durchhalten' });
verb('klebt klebte', { particle: 'an', lemma: 'ankleben' });
verb('stellt stellte', { particle: 'quer', lemma: 'querstellen' });
verb('zieht zog', { particle: 'ein', lemma: 'einziehen' });
verb('färbt färbte', { particle: 'ab', lemma: 'abfärben' });
verb('platzt platzte', { particle: 'ab', lemma: 'abplatzen' });
verb('blättert blätterte', { particle: 'ab', lemma: 'abplatzen' });
verb('baut baute', { particle: 'ab', lemma: 'abbauen' });
verb('ruft rief', { particle: 'zurück', lemma: 'zurückrufen' });
verb('meldet meldete', { particle: 'zurück', lemma: 'zurückmelden' });
verb('legte legten lege', { particle: 'weg', lemma: 'weglegen' });
verb('wirft warf werfe', { particle: 'weg', lemma: 'wegwerfen' });

const PARTICLES = new Set([...SEPARABLE.values()].flatMap((splits) => splits.map((s) => s.particle)));
/** A clause mark (the tokenizer keeps ".!?;,:" runs as tokens of their own); a char test, not a regex per token. */
function isBound(token: string | undefined): boolean {
  if (token === undefined || token.length === 0) return false;
  const c = token.charCodeAt(0);
  return c === 46 || c === 44 || c === 33 || c === 63 || c === 59 || c === 58;
}
/** What may follow a clause-final particle: the clause's end, a conjunction, or "zu" ("hört auf zu laden"). */
const AFTER_PARTICLE = new Set(['und', 'oder', 'aber', 'sondern', 'denn', 'weil', 'da', 'dass', 'daß', 'wenn', 'als',
  'obwohl', 'nachdem', 'bevor', 'bis', 'sobald', 'zu', 'sodass', 'jedoch', 'allerdings', 'trotzdem', 'dann', 'also',
  'wie', 'was', 'nie', 'leider', 'ich', 'wir', 'man']);
const MAX_SPAN = 12;

/** Joins the separable verb at i to its particle; false where the clause holds none for it. */
function joinAt(tokens: string[], i: number, splits: readonly Split[]): boolean {
  for (let j = i + 1; j < tokens.length && j - i <= MAX_SPAN; j++) {
    const token = tokens[j]!;
    if (isBound(token)) return false;
    if (!PARTICLES.has(token)) continue;
    const split = splits.find((s) => s.particle === token);
    if (!split) continue;
    const next = tokens[j + 1];
    if (next !== undefined && !isBound(next) && !AFTER_PARTICLE.has(next)) continue;
    const between = tokens.slice(i + 1, j);
    if (split.needs && !between.includes(split.needs)) continue;
    if (split.unless && between.some((t) => split.unless!.has(t))) continue;
    tokens[i] = '';
    tokens[j] = split.lemma;
    return true;
  }
  return false;
}

/**
 * The negation of a main clause stands at its end, far from its verb: "das Gerät funktioniert nach
 * zwei Wochen nicht mehr", "lässt sich seit dem Update nicht mehr öffnen", "gefällt mir persönlich
 * leider gar nicht". For the verbs whose negation is the verdict, the verb (with its "sich") is moved
 * next to the negator, as in a subordinate clause ("… nicht mehr funktioniert"), so the phrases and
 * the negation after a verb read it.
 */
const NEGATED_VERBS = new Set(
  ('funktioniert funktionierte funktionieren funktionierten geht ging gehen gingen läuft lief laufen liefen klappt klappte ' +
    'hält hielt halten passt passte passen passten lädt startet startete reagiert reagierte antwortet antwortete meldet ' +
    'meldete hilft half wirkt wirkte taugt bringt brachte schließt schloss öffnet kam kamen kommt entspricht entsprach ' +
    'erfüllt erfüllte gefällt gefiel gefallen lohnt überzeugt überzeugte empfehle lässt ließ').split(' ').flatMap((w) => [w, umlautsSpelledOut(w)]),
);
// With the colloquial forms, which the rewrite reaches only after the verb.
const NEGATORS_AFTER_VERB = new Set(['nicht', 'nie', 'niemals', 'nichts', 'nix', 'garnicht', 'nich', 'ned', 'nichtmal', 'nimmer', 'garnix']);
/** Where a clause ends without a comma: its negation belongs to the next verb. */
const CLAUSE_WORDS = new Set(['und', 'oder', 'aber', 'sondern', 'denn', 'weil', 'da', 'dass', 'daß', 'wenn', 'als', 'wie',
  'obwohl', 'nachdem', 'bevor', 'bis', 'sobald', 'jedoch', 'allerdings', 'trotzdem', 'was', 'der', 'die', 'das']);
const MAX_MIDDLE = 7;

/** Moves the verb at i next to a negator later in its clause; the index to go on from. */
function moveAt(tokens: string[], i: number): number {
  const width = tokens[i + 1] === 'sich' ? 2 : 1;
  for (let k = i + width; k < tokens.length && k - i <= MAX_MIDDLE + width; k++) {
    const token = tokens[k]!;
    if (isBound(token) || (CLAUSE_WORDS.has(token) && k > i + width)) return i;
    if (!NEGATORS_AFTER_VERB.has(token)) continue;
    if (k === i + width) return i; // already next to it
    const verb = tokens.splice(i, width);
    tokens.splice(k - width, 0, ...verb);
    return k - 1; // the negator, at k, is read next
  }
  return i;
}

/** How chat-style reviews write the negators: "garnicht", "nich", "ned", "nix". */
const COLLOQUIAL: ReadonlyMap<string, string> = new Map([
  ['garnicht', 'nicht'], ['nich', 'nicht'], ['ned', 'nicht'], ['nichtmal', 'nicht'], ['nimmer', 'nicht'],
  ['garnix', 'nichts'], ['nix', 'nichts'], ['garkein', 'kein'], ['garkeine', 'keine'], ['garkeinen', 'keinen'],
]);

const WOULD_BE = new Set(['wäre', 'wären', 'wär', 'waere', 'waeren']);

/**
 * "Es wäre echt toll gewesen, wenn …": praise in the conditional past is the good that did not
 * happen. Its "gewesen" is read as the "nicht" it means, so the word before it is turned.
 */
function counterfactual(tokens: string[], at: number): boolean {
  for (let j = at - 1; j >= 0 && at - j <= 6; j--) {
    if (isBound(tokens[j])) return false;
    if (WOULD_BE.has(tokens[j]!)) return true;
  }
  return false;
}

const CLAUSE_NEGATORS = new Set(['nicht', 'nie', 'niemals', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'nichts']);
function negatorBefore(tokens: string[], at: number): boolean {
  for (let j = at - 1; j >= 0 && at - j <= 3; j--) {
    if (isBound(tokens[j])) return false;
    if (CLAUSE_NEGATORS.has(tokens[j]!)) return true;
  }
  return false;
}

/** What the German rewrite does at a token: one lookup per token, whatever applies. */
interface Action {
  standard?: string;
  splits?: readonly Split[];
  negatedVerb?: boolean;
  word?: 'gewesen' | 'und';
}
const ACTIONS = new Map<string, Action>();
const action = (token: string): Action => {
  let found = ACTIONS.get(token);
  if (!found) ACTIONS.set(token, (found = {}));
  return found;
};
for (const [token, standard] of COLLOQUIAL) action(token).standard = standard;
for (const [token, splits] of SEPARABLE) action(token).splits = splits;
for (const token of NEGATED_VERBS) action(token).negatedVerb = true;
action('gewesen').word = 'gewesen';
action('und').word = 'und';

function rewriteGerman(tokens: string[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const act = ACTIONS.get(tokens[i]!);
    if (act === undefined) continue;
    if (act.standard !== undefined) tokens[i] = act.standard;
    else if (act.word === 'gewesen') {
      if (counterfactual(tokens, i)) tokens[i] = 'nicht';
    } else if (act.word === 'und') {
      // "riecht nicht und lässt sich leicht reinigen": a negation does not reach past "und" into
      // the next clause; the "und" after a negator is read as the clause break it is.
      if (negatorBefore(tokens, i)) tokens[i] = ',';
    } else if (act.splits && joinAt(tokens, i, act.splits)) continue;
    else if (act.negatedVerb) i = moveAt(tokens, i);
  }
}

/** German. Inflected adjectives (gute, guten, guter) and closed compounds (Zugausfall) are common. */
export const de: LanguageRules = {
  core: {
    ...DE_REVIEW_WORDS,
    gut: 3, super: 3, toll: 3, prima: 3, klasse: 3, spitze: 3, top: 3, perfekt: 4, hervorragend: 4,
    ausgezeichnet: 4, exzellent: 4, fantastisch: 4, großartig: 4, grossartig: 4, genial: 4, wunderbar: 4,
    wunderschön: 4, schön: 2, nett: 2, freundlich: 2, hilfsbereit: 2, zuvorkommend: 3, kompetent: 2,
    lecker: 3, köstlich: 3, sauber: 2, bequem: 2, gemütlich: 2, pünktlich: 2, schnell: 1, zuverlässig: 2,
    empfehlenswert: 3, empfehlen: 2, empfehle: 2, zufrieden: 2, begeistert: 3, glücklich: 3, froh: 2,
    danke: 2, dankbar: 2, vielen: 0, lieben: 3, liebe: 2, gefällt: 2, gefallen: 2, mag: 2, günstig: 1,
    preiswert: 2, angenehm: 2, entspannt: 2, problemlos: 2, reibungslos: 2, einwandfrei: 3, lob: 2,
    besser: 1, beste: 3, bester: 3, besten: 3, endlich: 1, okay: 1, ok: 1, gerne: 1, yay: 2, hurra: 2,
    schlecht: -3, schlechter: -3, schlechteste: -4, mies: -3, miserabel: -4, furchtbar: -4, schrecklich: -4,
    katastrophe: -4, katastrophal: -4, grauenhaft: -4, grottig: -4, scheiße: -4, scheisse: -4, mist: -3,
    ärgerlich: -3, ärger: -2, ärgern: -2, nervig: -3, nervt: -3, enttäuscht: -3, enttäuschend: -3,
    enttäuschung: -3, unzufrieden: -3, unfreundlich: -3, frech: -2, unverschämt: -4, unverschämtheit: -4,
    dreckig: -3, schmutzig: -3, kaputt: -3, defekt: -3, voll: 0, überfüllt: -2, teuer: -2, zu: 0,
    langsam: -2, verspätung: -2, verspätet: -2, verspätungen: -2, ausfall: -2, ausgefallen: -2, fällt: 0,
    verpasst: -2, warten: -1, chaos: -3, problem: -2, probleme: -2, fehler: -2, beschwerde: -2, leider: -2,
    peinlich: -3, lächerlich: -3, witz: -1, frechheit: -4, zumutung: -4, sauer: -2, wütend: -3, traurig: -2,
    hasse: -4, hass: -3, nie: 0, nervös: -1, stress: -2, fail: -2, unmöglich: -2, unbrauchbar: -3,
    nutzlos: -3, betrug: -4, abzocke: -4, stinkt: -3, kalt: -1, eklig: -3, ekelhaft: -4, laut: -1,
    schade: -2, leid: -1, streik: -2, versagt: -3, versagen: -3, sorry: -1,
  },
  negators: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nie', 'niemals', 'nichts', 'ohne', 'weder', 'noch nie',
    'niemand', 'niemanden', 'nirgends', 'nirgendwo', 'keinerlei', 'null', 'nix'],
  intensifiers: ['sehr', 'total', 'extrem', 'wirklich', 'echt', 'absolut', 'äußerst', 'überaus', 'besonders', 'richtig', 'sowas', 'so', 'voll', 'völlig', 'unglaublich', 'höchst', 'ziemlich', 'groß', 'große', 'großen', 'großer', 'großes', 'riesig', 'riesige', 'riesigen', 'riesiger',
    'stark', 'deutlich', 'viel', 'überhaupt', 'gar', 'komplett', 'vollkommen', 'enorm', 'unheimlich', 'wahnsinnig',
    'ausgesprochen', 'durchweg', 'definitiv', 'dermaßen', 'derart', 'zutiefst', 'maßlos', 'bitter', 'sau', 'ultra', 'äusserst', 'rundum'],
  diminishers: ['etwas', 'bisschen', 'wenig', 'eher', 'relativ', 'einigermaßen', 'halbwegs', 'kaum', 'teilweise', 'stellenweise', 'ansatzweise'],
  // "Inzwischen", "mittlerweile": the state a review ends on is its verdict.
  contrast: ['aber', 'jedoch', 'allerdings', 'dennoch', 'trotzdem', 'sondern', 'ansonsten', 'sonst', 'inzwischen', 'mittlerweile'],
  // "Anfangs", "zunächst": first impressions a review goes on to revise.
  concessive: ['obwohl', 'obgleich', 'zwar', 'immerhin', 'wenigstens', 'anfangs', 'anfang', 'zunächst', 'zuerst'],
  suffixes: ['sten', 'ster', 'stes', 'stem', 'ste', 'em', 'en', 'er', 'es', 'e', 's', 'n', 't'],
  minStem: 3,
  compounds: true,
  negPrefix: 'un',
  postVerbalNegation: true,
  // "Einen Stern Abzug" is a four-star review that says what cost the fifth.
  stars: 'sterne?n?(?!\\s+(?:abzug|weniger))',
  numbers: { null: 0, keinen: 0, ein: 1, einen: 1, eine: 1, einem: 1, zwei: 2, drei: 3, vier: 4, fünf: 5 },
  outOf: ['von', 'aus'],
  lemmas: germanLemmas,
  spellings: [umlautsSpelledOut, umlautsDropped],
  rewriteTokens: rewriteGerman,
};
