import type { LanguageRules } from './types.js';

// Evaluative first elements of compounds: "jättegod", "supernöjd", "skitbra", "asbra" are read as the
// word they lead (jätte-, super-, skit-, as- only strengthen it), where that word is known; "toppenhotell", "kanonprodukt", "skräpprodukt" carry
// the verdict in the first element, where the head ("hotell", "produkt", "app") has none.
const INTENSIFYING = ['jätte', 'super', 'skit', 'mega', 'sjukt', 'as'];
const EVALUATIVE: Readonly<Record<string, string>> = { toppen: 'toppen', topp: 'toppen', kanon: 'kanon', skräp: 'skräp', skit: 'skit', drömm: 'toppen' };

/**
 * Lemmas the suffix stripping misses: adjective endings -a/-t/-e on short stems ("sköna" → "skön",
 * where "-na" was taken for an ending) and doubled consonants ("grymma" → "grym"); then the
 * evaluative compounds above.
 */
function swedishLemmas(word: string): string[] {
  const out: string[] = [];
  for (const ending of ['a', 't', 'e']) {
    if (!word.endsWith(ending) || word.length < 4) continue;
    const base = word.slice(0, -1);
    out.push(base);
    const n = base.length;
    if (base[n - 1] === base[n - 2]) out.push(base.slice(0, -1));
  }
  for (const prefix of INTENSIFYING) {
    if (word.length - prefix.length >= 3 && word.startsWith(prefix)) {
      const rest = word.slice(prefix.length);
      out.push(rest, ...(rest.length >= 4 && /[ate]$/.test(rest) ? [rest.slice(0, -1)] : []));
    }
  }
  for (const [prefix, lemma] of Object.entries(EVALUATIVE)) {
    if (word.length - prefix.length >= 4 && word.startsWith(prefix)) out.push(lemma);
  }
  return out;
}

/** Swedish. Adjectives take -t/-a (bra, dåligt, dåliga); "inte" follows the finite verb. */
export const sv: LanguageRules = {
  core: {
    bra: 3, jättebra: 4, toppen: 4, grym: 3, grymt: 3, grymma: 3, underbar: 4, underbart: 4, fantastisk: 4,
    fantastiskt: 4, utmärkt: 4, perfekt: 4, suverän: 4, härlig: 3, härligt: 3, fin: 2, fint: 2, fina: 2,
    snygg: 2, snyggt: 2, vacker: 3, vackert: 3, trevlig: 2, trevligt: 2, mysig: 2, mysigt: 2, god: 2, gott: 2,
    goda: 2, smaskig: 3, läcker: 2, nöjd: 2, nöjda: 2, glad: 3, gladare: 3, lycklig: 3, tack: 2, tacksam: 2,
    älskar: 3, älska: 3, älskade: 3, gillar: 2, gilla: 2, kärlek: 3, rekommenderar: 3, rekommendera: 3,
    snabb: 1, snabbt: 1, billig: 1, prisvärd: 2, prisvärt: 2, hjälpsam: 2, vänlig: 2, bäst: 3, bästa: 3,
    bättre: 1, kul: 2, roligt: 2, rolig: 2, skönt: 2, skön: 2, najs: 2, awesome: 3, yes: 1, wow: 2, grattis: 3,
    lyckad: 2, lyckat: 2, imponerad: 3, imponerande: 3, vinna: 2, vann: 2, mästare: 2, hoppas: 1,
    dålig: -3, dåligt: -3, dåliga: -3, sämre: -3, sämst: -4, usel: -4, uselt: -4, kass: -3, kasst: -3,
    värdelös: -4, värdelöst: -4, hemsk: -4, hemskt: -4, fruktansvärd: -4, fruktansvärt: -4, förfärlig: -4,
    tråkig: -2, tråkigt: -2, tyvärr: -2, ledsen: -2, ledsna: -2, besviken: -3, besviket: -3, besvikelse: -3,
    arg: -3, förbannad: -3, irriterande: -3, irriterad: -3, jobbig: -2, jobbigt: -2, trött: -1, otrevlig: -3,
    otrevligt: -3, oförskämd: -3, smutsig: -3, äcklig: -3, äckligt: -3, dyr: -2, dyrt: -2, långsam: -2,
    försenad: -2, försenat: -2, försening: -2, inställd: -2, inställt: -2, problem: -2, fel: -2, trasig: -3,
    trasigt: -3, sönder: -3, hatar: -4, hat: -3, skit: -3, skitdålig: -4, katastrof: -4, pinsamt: -3,
    pinsam: -3, synd: -2, sjuk: -2, sjukt: 0, ont: -2, rädd: -2, orolig: -2, sorg: -3, sorglig: -3, sorgligt: -3,
    fattig: -2, klagomål: -2, bedrägeri: -4, lurad: -3, ångrar: -3, stressad: -2, tragiskt: -3, tragisk: -3,
  },
  negators: ['inte', 'ej', 'icke', 'aldrig', 'ingen', 'inget', 'inga', 'ingenting', 'utan', 'varken'],
  intensifiers: ['mycket', 'väldigt', 'riktigt', 'otroligt', 'extremt', 'så', 'verkligen', 'helt', 'jätte', 'supér', 'super', 'himla', 'sjukt', 'galet', 'för', 'alltför', 'oerhört', 'enormt', 'stor', 'stora', 'stort', 'enorm', 'enorma'],
  diminishers: ['lite', 'ganska', 'rätt', 'någorlunda', 'relativt', 'knappt', 'halvt'],
  contrast: ['men', 'dock', 'fast', 'ändå', 'däremot'],
  concessive: ['även', 'trots', 'fastän', 'oavsett'],
  suffixes: ['arna', 'erna', 'orna', 'aste', 'ast', 'are', 'ade', 'at', 'en', 'et', 'na', 'a', 't', 'e'],
  minStem: 3,
  compounds: true,
  negPrefix: 'o',
  postVerbalNegation: true,
  stars: 'stjärnor|stjärna|stjärnorna',
  numbers: { noll: 0, en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5 },
  outOf: ['av', 'utav', 'på'],
  lemmas: swedishLemmas,
};
