import { FR_REVIEW_PHRASES, FR_REVIEW_WORDS } from './fr-reviews.js';
import type { LanguageRules } from './types.js';

/** French. Negation is "ne … pas/jamais/rien" with "ne" often dropped; articles elide (l'accueil). */
export const fr: LanguageRules = {
  core: {
    bon: 3, bonne: 3, bien: 2, super: 3, génial: 4, géniale: 4, excellent: 4, excellente: 4, parfait: 4,
    parfaite: 4, parfaitement: 3, magnifique: 4, merveilleux: 4, formidable: 4, fantastique: 4, top: 3,
    extra: 3, incroyable: 3, superbe: 4, sublime: 4, délicieux: 4, délicieuse: 4, savoureux: 3, agréable: 2,
    sympa: 2, sympathique: 2, gentil: 2, gentille: 2, aimable: 2, accueillant: 2, chaleureux: 3, serviable: 2,
    efficace: 2, rapide: 1, rapidement: 1, propre: 2, confortable: 2, beau: 2, belle: 2, joli: 2, jolie: 2,
    content: 2, contente: 2, satisfait: 2, satisfaite: 2, ravi: 3, ravie: 3, heureux: 3, heureuse: 3,
    merci: 2, bravo: 3, recommande: 3, recommander: 3, recommandé: 3, adore: 4, adorer: 4, aime: 2, aimé: 2,
    cool: 2, meilleur: 3, meilleure: 3, mieux: 1, impeccable: 4, nickel: 3, plaisir: 3, génialissime: 4,
    bof: -1, mauvais: -3, mauvaise: -3, nul: -3, nulle: -3, nuls: -3, horrible: -4, affreux: -4, affreuse: -4,
    terrible: -3, catastrophe: -4, catastrophique: -4, lamentable: -4, médiocre: -3, décevant: -3, décevante: -3,
    déçu: -3, déçue: -3, déception: -3, désagréable: -3, impoli: -3, insupportable: -4, inadmissible: -4,
    inacceptable: -4, honteux: -4, honte: -3, scandale: -4, scandaleux: -4, sale: -3, cher: -1, chère: -1,
    lent: -2, lente: -2, retard: -2, retards: -2, annulé: -2, panne: -3, problème: -2, problèmes: -2, cassé: -3,
    arnaque: -4, éviter: -3, fuir: -3, pire: -4, triste: -2, marre: -3, énerve: -3, énervé: -3, colère: -3,
    hélas: -2, malheureusement: -2, dommage: -2, dégoûtant: -4, dégueulasse: -4, galère: -3, merde: -4,
    chiant: -3, ridicule: -3, inutile: -3, raté: -3, fade: -2, froid: -1, bruyant: -2, attente: -1, déteste: -4,
    peur: -2, mort: -2, mal: -2, malade: -2, inquiet: -2, grave: -2, crise: -2, guerre: -3, violence: -3,
    ...FR_REVIEW_WORDS,
  },
  phrases: FR_REVIEW_PHRASES,
  // "super produit", "très bien": "bien" and "super" are praise where nothing follows them to strengthen.
  standaloneIntensifiers: true,
  // Spoken French drops the "ne": "j'aime pas", "ça vaut pas", "je recommande pas".
  droppedNe: ['pas'],
  restrictive: { negators: ['ne', 'n'], words: ['que', 'qu'] },
  oneWordNegators: ['peu', 'moins'],
  conjunctions: ['et', 'puis', 'car', 'donc', 'alors'],
  summary: ['bref', 'en bref', 'au final', 'en résumé', 'en conclusion', 'en somme'],
  // "peu aimable", "peu fiable" deny, and so does "moins" ("moins cher", "moins bien"); "un peu cher",
  // "au moins" only soften (pairs, below).
  negators: ['ne', 'n', 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'ni', 'guère', 'non', 'peu', 'moins'],
  intensifiers: ['très', 'trop', 'vraiment', 'super', 'hyper', 'tellement', 'si', 'extrêmement', 'vachement', 'totalement', 'complètement', 'absolument', 'particulièrement', 'fort', 'énormément', 'carrément', 'tout', 'bien', 'grand', 'grande', 'grands', 'grandes', 'énorme', 'énormes', 'gros', 'grosse', 'grosses', 'vrai', 'vraie', 'vrais', 'vraies', 'véritable', 'franchement', 'ultra', 'méga', 'archi', 'strictement', 'trés'],
  diminishers: ['un peu', 'à peu', 'au moins', 'du moins', 'assez', 'plutôt', 'moyennement', 'légèrement', 'presque', 'relativement'],
  contrast: ['mais', 'cependant', 'pourtant', 'toutefois', 'néanmoins', 'sauf', 'par contre', 'en revanche', 'sinon',
    // The verdict after the story: "bref, à éviter", "au final, très satisfait".
    'bref', 'en bref', 'finalement', 'au final', 'en résumé', 'en conclusion', 'en somme'],
  concessive: ['quoique', 'malgré', 'certes', 'bien que', 'même si', 'hormis', 'excepté', 'à part'],
  suffixes: ['issimes', 'issime', 'ement', 'euses', 'euse', 'eux', 'ives', 'ive', 'ées', 'ée', 'és', 'es', 'e', 's', 'x'],
  minStem: 3,
  compounds: false,
  postVerbalNegation: false,
  elision: /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(\p{L}.*)$/u,
  stars: 'étoiles?|etoiles?',
  starClassBefore: "hôtel|hotel|un|d'un|d’un|établissement|camping|résidence|palace|restaurant",
  numbers: { zéro: 0, zero: 0, une: 1, un: 1, deux: 2, trois: 3, quatre: 4, cinq: 5 },
  outOf: ['sur'],
  foldDiacritics: true,
};
