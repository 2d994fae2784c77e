import type { LanguageRules } from './types.js';

const VOWEL = /[aeiou]/;

/**
 * Dutch spelling changes with an ending: the long vowel of a closed syllable is written once in an
 * open one (traag → trage, waardeloos → waardeloze), final s/f voice to z/v (vies → vieze, lief →
 * lieve), and a short vowel doubles the consonant (dik → dikke). Undo them for a lemma.
 */
function dutchLemmas(word: string): string[] {
  const out: string[] = [];
  for (const ending of ['ere', 'ste', 'er', 'e']) {
    if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
    let base = word.slice(0, -ending.length);
    const n = base.length;
    if (base[n - 1] === base[n - 2] && !VOWEL.test(base[n - 1]!)) out.push(base.slice(0, -1));
    if (base.endsWith('z')) base = `${base.slice(0, -1)}s`;
    else if (base.endsWith('v')) base = `${base.slice(0, -1)}f`;
    out.push(base);
    // consonant, one vowel, consonant at the end: the vowel was long ("trag" → "traag").
    const m = /([^aeiou])([aeiou])([^aeiouy])$/.exec(base);
    if (m) out.push(`${base.slice(0, -2)}${m[2]}${m[2]}${m[3]}`);
    break;
  }
  return out;
}

/** Dutch. Adjectives inflect with -e (goede, lekkere); compounds are closed (klantvriendelijk). */
export const nl: LanguageRules = {
  core: {
    goed: 3, goede: 3, prima: 3, top: 3, super: 3, geweldig: 4, fantastisch: 4, uitstekend: 4, perfect: 4,
    voortreffelijk: 4, heerlijk: 4, lekker: 3, smakelijk: 3, verrukkelijk: 4, mooi: 2, leuk: 2, fijn: 2,
    gezellig: 3, vriendelijk: 2, behulpzaam: 2, attent: 2, gastvrij: 3, sfeervol: 2, aanrader: 3,
    aanraden: 3, aanbevelen: 3, aanbevolen: 2, tevreden: 2, blij: 3, gelukkig: 2, bedankt: 2, dank: 2,
    bedank: 2, genieten: 3, genoten: 3, toppie: 3, snel: 1, netjes: 2, schoon: 2, vers: 2,
    verse: 2, betaalbaar: 1, redelijk: 1, voordelig: 2, ruim: 1, uitgebreid: 1, zeker: 0, beste: 3, best: 2,
    beter: 1, aardig: 2, professioneel: 2, correct: 1, knap: 2, toppertje: 3, ok: 1, oké: 1, prettig: 2,
    bevalt: 2, beviel: 2, bevallen: 2, houd: 2, hou: 1,
    slecht: -3, slechte: -3, slechtste: -4, matig: -2, teleurgesteld: -3, teleurstellend: -3,
    teleurstelling: -3, vies: -3, smerig: -3, onvriendelijk: -3, onbeschoft: -4, ongeïnteresseerd: -2,
    traag: -2, langzaam: -2, duur: -2, prijzig: -1, koud: -1, lauw: -2, droog: -1, taai: -2, zout: -1,
    vreselijk: -4, verschrikkelijk: -4, afschuwelijk: -4, waardeloos: -4, belachelijk: -3, jammer: -2,
    helaas: -2, spijtig: -2, klacht: -2, klachten: -2, probleem: -2, fout: -2, wachten: -1, gewacht: -1,
    nooit: 0, chaotisch: -2, rommelig: -2, kapot: -3, stuk: 0, ergernis: -3, irritant: -3, boos: -3,
    ontevreden: -3, onvoldoende: -2, flauw: -2, smakeloos: -3, oplichting: -4, schandalig: -4, zonde: -2,
    rampzalig: -4, drama: -3, haat: -4, balen: -2, vervelend: -2, treurig: -2, lawaaierig: -2, luid: -1,
  },
  negators: ['niet', 'geen', 'nooit', 'niets', 'niks', 'zonder', 'noch', 'nergens'],
  intensifiers: ['heel', 'erg', 'zeer', 'echt', 'super', 'ontzettend', 'enorm', 'bijzonder', 'uiterst', 'zo', 'zó', 'hartstikke', 'extreem', 'werkelijk', 'ongelooflijk', 'ongelofelijk', 'onvoorstelbaar', 'waanzinnig', 'vreselijk', 'best', 'behoorlijk', 'absoluut', 'te', 'groot', 'grote', 'enorme'],
  diminishers: ['wat', 'beetje', 'tamelijk', 'vrij', 'nogal', 'redelijk', 'enigszins', 'amper', 'nauwelijks'],
  contrast: ['maar', 'echter', 'toch', 'desondanks', 'daarentegen'],
  concessive: ['hoewel', 'ofschoon', 'alhoewel', 'weliswaar'],
  suffixes: ['ste', 'ere', 'en', 'er', 'e', 's', 't'],
  minStem: 3,
  compounds: true,
  negPrefix: 'on',
  postVerbalNegation: true,
  stars: 'sterr?e?n?',
  numbers: { nul: 0, geen: 0, een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5 },
  outOf: ['van', 'uit', 'op'],
  stressAccents: true,
  lemmas: dutchLemmas,
};
