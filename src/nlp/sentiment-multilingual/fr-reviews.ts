/**
 * How French customers write reviews — products (Amazon-style), clothing, household, books, films,
 * games, restaurants, hotels, apps, delivery and customer service. Written for Earshot from
 * general knowledge of French (nothing taken from FEEL, Polarimots or any other lexicon or data set;
 * project licence). Valences on AFINN's scale, like the rest of the analyzer.
 *
 * Words are given in one form; `agree` adds the feminine and plural forms that suffix stripping
 * cannot reach (cassé → cassée/cassés/cassées, addictif → addictive, exceptionnel → exceptionnelle).
 * The analyzer adds the spellings without accents that reviewers type (decu, tres, recu).
 */

/** Verdict and quality words. */
const WORDS: Record<string, number> = {
  // Recommending, buying again, satisfaction
  recommande: 3, recommandé: 3, recommandons: 3, recommanderai: 3, recommanderais: 3, conseille: 3, conseillé: 2,
  conseillons: 3, rachèterai: 3, rachèterais: 3, racheté: 2, recommandable: 3, satisfait: 3, satisfaisant: 2,
  content: 2, ravi: 3, enchanté: 3, conquis: 3, comblé: 3, emballé: 0, bluffé: 3, agréablement: 2,
  kiffe: 3, kiff: 3, adore: 4, adoré: 4, adorent: 4, adorons: 4, aime: 2, aimé: 2, aimons: 2, plu: 2, plaît: 2,
  plait: 2, régal: 3, délice: 3, tuerie: 3, pépite: 3, bijou: 3, merveille: 4, must: 3, incontournable: 3,
  dommage: -1.5, indispensable: 2, bonheur: 3, réussi: 3, réussite: 3, bravo: 3, merci: 2, chapeau: 2,
  // Quality, working well
  impeccable: 4, irréprochable: 4, nickel: 3, parfait: 4, parfaitement: 3, excellent: 4, exceptionnel: 4,
  remarquable: 3, extraordinaire: 3, top: 3, génial: 4, géniaux: 4, super: 3, superbe: 4, sublime: 4, magnifique: 4,
  splendide: 4, bluffant: 3, fiable: 2, solide: 2, robuste: 2, durable: 2, résistant: 2, costaud: 2, stable: 1,
  efficace: 2, performant: 2, puissant: 2, silencieux: 2, précis: 2, pratique: 2, utile: 2, ergonomique: 2,
  maniable: 2, léger: 1, compact: 1, intuitif: 2, fluide: 2, réactif: 2, réactivité: 2, rapide: 2, rapidement: 1,
  rapidité: 2, soigné: 2, soigneusement: 2, finitions: 0, joli: 2, beau: 2, belle: 2, élégant: 2, mignon: 2,
  confortable: 2, agréable: 2, doux: 1, douce: 1, clair: 1, lumineux: 2, spacieux: 2, propre: 2, calme: 1,
  conforme: 2, correct: 1, honnête: 1, raisonnable: 1, abordable: 1, imbattable: 3, idéal: 3, idéalement: 2,
  idéale: 3, bien: 2, bon: 3, bonne: 3, meilleur: 3, sympa: 2, cool: 2, chouette: 2, excellentissime: 4,
  // People
  aimable: 2, accueillant: 2, chaleureux: 3, souriant: 2, serviable: 2, attentionné: 3, attentif: 2,
  professionnel: 2, compétent: 2, arrangeant: 2, disponible: 1, adorable: 3, gentil: 2, gentillesse: 3,
  patient: 1, courtois: 2, poli: 1,
  // Food
  délicieux: 4, savoureux: 3, succulent: 4, goûteux: 3, raffiné: 3, copieux: 2, généreux: 2, frais: 1,
  fraîcheur: 1, croustillant: 2, fondant: 2, parfumé: 1, maison: 0,
  // Books, films, games
  captivant: 3, passionnant: 3, prenant: 2, haletant: 3, palpitant: 3, émouvant: 3, bouleversant: 3,
  touchant: 2, poignant: 2, drôle: 2, hilarant: 3, addictif: 2, envoûtant: 3, magistral: 4, brillant: 3,
  // Disappointment, regret, rejection
  déçu: -3, déception: -3, décevant: -3, décevoir: -2, regrette: -3, regretté: -2, regrettable: -2, regret: -2,
  déconseille: -3, déconseillé: -3, fuyez: -4, fuir: -3, éviter: -3, évitez: -3, arnaque: -4, arnaqué: -4,
  escroquerie: -4, escroc: -4, escrocs: -4, voleur: -4, voleurs: -4, honteux: -4, honte: -3, scandale: -4,
  scandaleux: -4, inadmissible: -4, inacceptable: -4, inexcusable: -4, indigne: -3, mensonger: -3, trompeur: -3,
  menteur: -3, mépris: -3, lamentable: -4, lamentablement: -3, pitoyable: -3, minable: -3, déplorable: -4,
  désastreux: -4, désastre: -4, catastrophe: -4, catastrophique: -4, calamiteux: -4, cauchemar: -4,
  cauchemardesque: -4, horreur: -4, horrible: -4, affreux: -4, atroce: -4, exécrable: -4, épouvantable: -4,
  nul: -3, nullissime: -4, naze: -3, pourri: -3, merdique: -4, daube: -3, bof: -1, mouais: -1, moyen: -1,
  médiocre: -3, passable: -1, piètre: -3, limite: -1, basique: 0,
  // Bad workmanship, breakage, defects
  camelote: -4, pacotille: -3, bricolé: -2, bâclé: -3, cheap: -2, fragile: -2, défectueux: -3, défaut: -2,
  défectuosité: -3, cassé: -3, casse: -2, cassent: -3, cassera: -2, fissuré: -3, fendu: -3, tordu: -2,
  rayé: -2, abîmé: -3, endommagé: -3, déchiré: -3, troué: -3, décousu: -3, découd: -3, bouloche: -2,
  boulochent: -2, déteint: -2, rétréci: -2, gratte: -2, grésille: -2, grésillement: -2, surchauffe: -3,
  inutilisable: -4, inutile: -3, injouable: -4, illisible: -2, incompatible: -2, inexistant: -3, hs: -3,
  manquant: -2, manquait: -2, manque: -1, manquent: -2, manquaient: -2, défaillant: -3, panne: -3, grippé: -2,
  rouillé: -2, moisi: -3, moisissure: -3, fuite: -2, fuit: -2,
  // Apps
  bug: -2, bugs: -2, buggé: -3, bugué: -3, bugue: -2, beugue: -2, crash: -3, crashe: -3, crashs: -3,
  plante: -2, rame: -2, lag: -2, lagues: -2, freeze: -2, bloque: -2, bloqué: -2, figé: -2, fige: -2,
  déconnecte: -2, intrusif: -2, désinstallé: -2, désinstaller: -2, désinstalle: -2, impossible: -2,
  // Delivery, returns, customer service
  retard: -2, retards: -2, retardé: -2, perdu: -2, égaré: -2, disparu: -2, annulé: -2, renvoyé: -2,
  renvoie: -2, renvoyer: -2, retourné: -2, retourner: -2, remboursé: -1, remboursement: 0, injoignable: -4,
  introuvable: -2, incompétent: -3, amateur: -2, amateurisme: -3, foutisme: -3,
  // People, places, food
  désagréable: -3, impoli: -3, malpoli: -3, hautain: -3, méprisant: -3, arrogant: -3, agressif: -3,
  irrespectueux: -3, odieux: -4, exécrables: -4, sale: -3, crasseux: -3, taché: -2, poussiéreux: -2,
  vétuste: -3, délabré: -3, défraîchi: -2, exigu: -2, bruyant: -2, puant: -3, pue: -3, puait: -3,
  fade: -2, insipide: -2, immangeable: -4, imbuvable: -3, infect: -4, immonde: -4, dégoûtant: -4,
  écœurant: -3, rassis: -2, brûlé: -2, tiède: -1, froid: -1, caoutchouteux: -2, graisseux: -2,
  lent: -2, lenteur: -2, interminable: -3, cher: -1, exorbitant: -3, excessif: -2, abusé: -2, abusif: -3,
  // Books, films, games
  ennuyeux: -3, ennui: -2, ennuyé: -2, soporifique: -3, prévisible: -2, répétitif: -2, navet: -4, nanar: -3,
  longueurs: -1, raté: -3, creux: -2, bancal: -2, incohérent: -2,
  // No verdict on their own: what reviews are about, and lexicon entries that mislead on reviews
  auteur: 0, demande: 0, charge: 0, roman: 0, nuit: 0, nuits: 0, attente: -1, peine: 0, doute: 0,
  peur: -1, sceptique: -1, simple: 1, fin: 0, équipe: 0, intérêt: 0, juste: 0, joindre: 0, arrivé: 0,
  passée: 0, passées: 0, passés: 0, court: -1, encombrant: -2, glacial: -3, ignoré: -2, ennuie: -2,
  ennuient: -2, inconfortable: -3, franchement: 0, net: 1, douteux: -2, renfermé: -2, débordé: -1,
  coupe: 0, boîte: 0, phrases: 0, vol: 0, réduction: 0, finalement: 0, tombe: 0, portions: 0, remplir: 0,
  dernier: 0, dernière: 0, dernières: 0, voulu: 0, ferme: 0, cache: 0, doutes: -1, plein: 0, rate: 0, fine: 0,
  // The translated lexicon scores these words of menus, shops and stories as verdicts.
  râpé: 0, queue: 0, coq: 0, rebond: 0, écume: 0, hall: 0, mode: 0, phrase: 0, chargé: 0, feu: 0, prête: 0,
  vissé: 0, male: 0, accusé: 0, corps: 0, rond: 0, glacé: 0, cru: 0, pressé: 0, couvrir: 0, cuisson: 0,
  retrait: 0, surpris: 0, auteurs: 0, concerné: 0, souligné: 0, critiques: 0, vieille: 0, vieilles: 0,
  premiers: 0, premières: 0, spécial: 0, surprise: 0, bourré: -1, attention: -1, desserre: -1, dur: -1,
  chic: 2, souple: 1, soyeux: 2, équipé: 1, chérot: -1, waouh: 3, wow: 3, simplifie: 1, simplifier: 1,
  plus: 0, urgences: 0, premier: 0,
  // Spoken and written-fast French
  exemplaire: 1.5, intact: 2, gâché: -3, désorganisé: -2, désorganisation: -2, redémarre: -1, éteint: -2,
  payant: -1, maintenance: -1, facile: 2, facilement: 1, fidèle: 1, prometteur: 1,
  transparent: -1, mitigé: -1, inventif: 2, vieillot: -1, désuet: -1,
  // "trop de monde", "trop tard": before a word of no verdict, "trop" is the complaint itself (before
  // an opinion word it stays an intensifier: "trop bien", "trop cher").
  trop: -1, reprendrai: 2, rachète: 2,
  endormi: -2, niais: -2, spéciaux: 0, daté: -1, gâche: -3, gâchent: -3,
  // Product, service and food adjectives the lexicon lacks or scores against review use
  séduit: 2, esthétique: 1, innovant: 2, imprécis: -2, instable: -2, capricieux: -2, aléatoire: -1,
  inadapté: -2, étanche: 1, flou: -2, pixelisé: -2, saccadé: -2, sature: -2, joignable: 1, indisponible: -2,
  antipathique: -3, respectueux: 2, ponctuel: 2, indigeste: -3, avarié: -3, périmé: -3, déplaît: -2,
  géniales: 4, relevé: 1,
  fabuleux: 4, exquis: 3, somptueux: 3, grandiose: 3, époustouflant: 4, admirable: 3, épatant: 3,
  sensationnel: 3, satisfaction: 2, infâme: -4, abject: -4, honteusement: -3, scandaleusement: -3,
  insatisfait: -3, insatisfaction: -3, mécontent: -3, mécontentement: -3, déçoit: -3, arnaqueur: -4,
  arnaqueurs: -4, réclamation: -1, réclamations: -1, litige: -2,
  questions: 0, réalisation: 0, ok: 1, okay: 1, fatigué: -1, donnée: 0, données: 0,
  impec: 3, stylé: 2, ouf: 2, cata: -3, relou: -2, chelou: -1, bidon: -2, nullos: -3, pigeon: -2, pigeons: -2,
  lourd: -1, imprenable: 3, charmant: 3, conseiller: 1, moquent: -3, foutent: -3, fichent: -3, attachant: 2, écrasé: -2, arrêté: -1, attendre: -1, enfin: 0,
  baladé: -3, coupures: -2, perd: -1, perds: -1, délavé: -2, décoloré: -2, terni: -2, bémol: 0, négatif: -1, négatifs: -1, positif: 1, positifs: 1,
  convaincu: 2, convaincant: 2, inoubliable: 3, plantage: -2, plantages: -2, raccroche: -2, raccroché: -2,
  reviendrai: 2, reviendrons: 2, reviendra: 2, retournerai: 2, retournerons: 2, reviendrions: 2,
};

/** Forms that suffix stripping misses: feminine and plural of é-participles, -if, -el, -on, -en, -et, -er. */
function agree(words: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (word: string, value: number): void => {
    if (!(word in words) && !(word in out)) out[word] = value;
  };
  for (const [word, value] of Object.entries(words)) {
    out[word] = value;
    if (word.endsWith('é')) for (const end of ['e', 's', 'es']) add(word + end, value);
    else if (word.endsWith('if')) for (const end of ['ive', 'ifs', 'ives']) add(word.slice(0, -2) + end, value);
    else if (/(el|on|en|et)$/.test(word)) for (const end of [word.slice(-1) + 'e', 's', word.slice(-1) + 'es']) add(word + end, value);
    else if (word.endsWith('er') && value !== 0) add(word.slice(0, -2) + 'ère', value);
    else if (word.endsWith('eux')) for (const end of ['euse', 'euses']) add(word.slice(0, -3) + end, value);
    else if (word.endsWith('eur') && value < 0) for (const end of ['euse', 'euses', 'eurs']) add(word.slice(0, -3) + end, value);
    // The translated lexicon lists some inflected forms with values of their own ("croustillante"
    // −0.4, "réussie" −0.3, "parfaits" +0.8): spell this word's forms out so they win over those.
    if (/[tdiusn]$/.test(word) && !/(ment|ais|is|us)$/.test(word)) for (const end of ['e', 's', 'es']) add(word + end, value);
    else if (word.endsWith('e') && !word.endsWith('ée')) add(word + 's', value);
  }
  return out;
}

export const FR_REVIEW_WORDS: Readonly<Record<string, number>> = agree(WORDS);

/**
 * Verdicts told as idioms or facts. A phrase that holds a negator is matched before negation and
 * is not turned; one without ("vaut le coup") is turned by a negator before it ("ne vaut pas le coup").
 * Elided forms are written as reviewers write them ("n'a jamais", "s'allume"); tokenizing splits them.
 */
export const FR_REVIEW_PHRASES: Readonly<Record<string, number>> = withAdverbs({
  // Recommending and verdicts
  'je recommande vivement': 4, 'je recommande fortement': 4, 'recommande les yeux fermés': 4, 'à recommander': 3,
  'je conseille': 3, 'je vous conseille': 3, 'je rachèterai': 3, 'sans hésiter': 2, 'sans hésitation': 2,
  'je n’hésiterai pas': 3, 'je n’hésite pas': 2, 'coup de cœur': 3, 'coup de coeur': 3, 'que du bonheur': 4,
  'que du bon': 3, 'que du positif': 3, 'rien à reprocher': 3, 'rien à signaler': 2, 'ras': 2, 'rien de plus': 0,
  'que demander de plus': 3, 'valeur sûre': 3, 'le top': 3, 'top du top': 4, 'au poil': 3, 'aux petits oignons': 3,
  'chef d’œuvre': 4, 'chef d’oeuvre': 4, 'à voir absolument': 3, 'à lire absolument': 3, 'à découvrir': 2,
  'à ne pas manquer': 3, 'à ne pas rater': 3, 'vaut la peine': 3, 'vaut vraiment la peine': 3, 'vaut vraiment le coup': 3,
  'vaut largement le coup': 3, 'valait le coup': 3, 'vaut le prix': 2, 'vaut son prix': 2, 'pas mal': 2,
  'pas mal du tout': 3, 'pas mal de': 0, 'pas déçu': 2, 'pas déçue': 2, 'jamais déçu': 3, 'jamais déçue': 3,
  'bien au contraire': 1, 'fait le job': 2, 'fait le boulot': 2, 'fait le travail': 2, 'fait son travail': 2,
  'fait son job': 2, 'fait l’affaire': 2, 'remplit son rôle': 2, 'fait ce qu’on lui demande': 2,
  'fait ce qu’il doit faire': 2, 'fait ce qu’on attend': 2, 'tel que décrit': 2, 'telle que décrite': 2,
  'comme décrit': 2, 'comme sur la photo': 2, 'comme neuf': 2, 'parfait état': 2, 'en parfait état': 2,
  'bon état': 1, 'bien emballé': 2, 'bien protégé': 2, 'bien reçu': 1, 'dans les temps': 1, 'dans les délais': 1,
  'en avance': 1, 'bien situé': 2, 'bien placé': 2, 'bien équipé': 2, 'bien écrit': 2, 'bien ficelé': 3,
  'bien ficelée': 3, 'bien pensé': 2, 'bien conçu': 2, 'bien fait': 2, 'taille bien': 1, 'taille normalement': 1,
  'tombe bien': 2, 'tombe parfaitement': 2, 'à l’écoute': 2, 'bon rapport qualité prix': 3,
  'excellent rapport qualité prix': 4, 'rapport qualité prix imbattable': 3, 'fait maison': 2, 'faits maison': 2,
  'haut de gamme': 2, 'bien tenu': 2, 'sans défaut': 3, 'sans aucun problème': 2, 'sans aucun souci': 2,
  'tient la charge': 2, 'tient ses promesses': 2, 'au rendez vous': 2, 'je ne regrette pas': 3, 'aucun regret': 3,
  'ne regrette pas': 3, 'regrette pas': 3,
  // Lukewarm
  'sans plus': -1, 'correct sans plus': -1, 'pas terrible': -2, 'pas top': -2, 'pas au top': -2, 'pas fou': -2,
  'pas ouf': -2, 'pas génial': -2, 'pas terrible du tout': -3, 'bof bof': -2, 'peut mieux faire': -2,
  'pas à la hauteur': -3, 'à la hauteur': 2, 'pas conforme': -3, 'à peine': -1,
  // Rejecting
  'à fuir': -4, 'à éviter': -3, 'à proscrire': -3, 'passez votre chemin': -3, 'passez votre route': -3,
  'ne commandez pas': -3, 'commandez pas': -3, 'n’achetez pas': -3, 'achetez pas': -3, 'je déconseille': -3,
  'je ne recommande pas': -3, 'je ne le recommande pas': -3, 'je ne la recommande pas': -3,
  'ne recommande pas': -3, 'je recommande pas': -3, 'ne perdez pas votre argent': -4, 'ne perdez pas votre temps': -3,
  'perte de temps': -3, 'perte d’argent': -3, 'argent jeté par les fenêtres': -4, 'jeté par la fenêtre': -3,
  'nul de chez nul': -4, 'de la merde': -4, 'bas de gamme': -2, 'ça fait cheap': -3, 'fait cheap': -3,
  'fait bon marché': -3, 'regrette mon achat': -3, 'regrette cet achat': -3, 'plus jamais': -3,
  'plus jamais ça': -4, 'on ne reviendra pas': -3, 'ne reviendrons pas': -3, 'ne reviendrai pas': -3,
  'jamais plus': -3, 'ne vaut pas son prix': -3, 'ne vaut pas le prix': -3,
  'aimable comme une porte de prison': -4, 'service minimum': -2, 'rien à voir avec la description': -3,
  'rien à voir avec la photo': -3, 'rien à voir avec les photos': -3, 'ne ressemble pas': -2,
  'ne correspond pas': -3, 'correspond pas': -3, 'pas du tout conforme': -3, 'non conforme': -3,
  'trop cher': -2, 'trop chère': -2, 'trop long': -2, 'trop longue': -2, 'trop cuit': -2, 'trop cuite': -2,
  'pas assez cuit': -2, 'trop sucré': -2, 'trop gras': -2, 'trop bruyant': -2, 'trop de bruit': -2,
  'trop petit': -2, 'trop petite': -2, 'trop grand': -2, 'trop grande': -2, 'taille petit': -1, 'taille grand': -1,
  'taille petite': -1, 'taille très petit': -2, 'mal taillé': -2, 'mal fini': -3, 'mal finie': -3,
  'mal écrit': -3, 'mal conçu': -3, 'mal pensé': -2, 'mal foutu': -3, 'mal emballé': -2, 'mal insonorisé': -2,
  'mal accueillis': -3, 'mal accueilli': -3, 'mal reçus': -3, 'pleine de pubs': -2, 'plein de pubs': -2,
  'bourré de pubs': -3, 'bourrée de pubs': -3, 'bourré de bugs': -3, 'bourrée de bugs': -3, 'trop de pubs': -2,
  'trop de pub': -2, 'trop de publicité': -2, 'addition salée': -2, 'hors de prix': -3, 'prix abusé': -2,
  'prix abusifs': -3,
  // Broken, stopped working (complaints told as facts)
  'ne fonctionne plus': -3, 'fonctionne plus': -3, 'n’a jamais fonctionné': -3, 'jamais fonctionné': -3,
  'ne marche plus': -3, 'marche plus': -3, 'n’a jamais marché': -3, 'jamais marché': -3,
  'ne s’allume plus': -3, 's’allume plus': -3, 'ne s’allume pas': -3, 's’allume pas': -3,
  'ne démarre plus': -3, 'démarre plus': -3, 'ne démarre pas': -3, 'démarre pas': -3,
  'ne charge plus': -3, 'charge plus': -3, 'ne charge pas': -3, 'charge pas': -3,
  'ne s’ouvre plus': -3, 's’ouvre plus': -3, 'ne s’ouvre pas': -3, 's’ouvre pas': -3,
  'ne se lance plus': -3, 'se lance plus': -3, 'ne se lance pas': -3, 'se lance pas': -3,
  'ne se connecte plus': -3, 'se connecte plus': -3, 'ne se connecte pas': -3, 'se connecte pas': -3,
  'ne tient pas': -2, 'tient pas': -2, 'ne tient plus': -3, 'tient plus': -3, 'ne tient pas la charge': -3,
  'tient pas la charge': -3, 'ne tient que': -2, 'n’a tenu que': -3, 'n’a duré que': -3, 'a duré que': -3,
  'ne dure que': -2, 'a rendu l’âme': -3, 'rendu l’âme': -3, 'hors service': -3, 'tombé en panne': -3,
  'tombée en panne': -3, 'est tombé en panne': -3, 'en panne': -3, 'a lâché': -3, 'ont lâché': -3,
  'se ferme tout seul': -3, 'se ferme toute seule': -3, 'ferme toute seule': -3, 'plante tout le temps': -3,
  'plante sans arrêt': -3, 'plante sans cesse': -3, 'plante à chaque': -3, 'depuis la mise à jour': -2,
  'depuis la dernière mise à jour': -2, 'rien n’y fait': -2, 'arrivé cassé': -3, 'arrivée cassée': -3,
  'arrivé abîmé': -3, 'arrivé endommagé': -3, 'arrivé ouvert': -3, 'reçu cassé': -3, 'reçu abîmé': -3,
  'il manquait': -3, 'il manque': -2, 'pièces manquantes': -3, 'pièce manquante': -3, 's’est cassé': -3,
  's’est cassée': -3, 's’est décousu': -3, 's’est décousue': -3, 's’est fendu': -3, 's’est fendue': -3,
  'se casse': -3, 'se découd': -3, 's’abîme': -2, 'chauffe beaucoup': -2, 'chauffe trop': -2,
  'beaucoup trop': -1,
  // Delivery and customer service
  'jamais reçu': -3, 'pas reçu': -3, 'toujours pas reçu': -3, 'jamais arrivé': -3, 'jamais livré': -3,
  'pas été livré': -3, 'jamais été livré': -3, 'colis perdu': -3, 'toujours pas': -2, 'toujours rien': -3,
  'toujours pas remboursé': -4, 'toujours pas remboursée': -4, 'jamais remboursé': -4, 'pas remboursé': -3,
  'pas remboursée': -3, 'j’attends toujours': -3, 'j’attends encore': -3, 'j’attends toujours mon': -3,
  'en attente depuis': -2, 'aucune nouvelle': -3, 'aucun retour': -2, 'aucune réponse': -3,
  'pas de réponse': -3, 'sans réponse': -3, 'sans nouvelles': -3, 'personne ne répond': -3,
  'personne pour répondre': -3, 'personne pour me répondre': -3, 'ne répond pas': -3, 'répond pas': -3,
  'ne répond jamais': -3, 'répond jamais': -3, 'ne répondent pas': -3, 'répondent pas': -3, 'ne répondent jamais': -3,
  'service client inexistant': -4, 'sav inexistant': -4, 'commande annulée': -2, 'sans explication': -2,
  'sans prévenir': -2, 'de retard': -2, 'en retard': -2, 'livré en retard': -2, 'frais de retour': -1,
  'à ma charge': -1, 'à nos frais': -1, 'à mes frais': -1, 'a répondu rapidement': 2, 'répond rapidement': 2,
  'très réactif': 3, 'livraison rapide': 2, 'envoi rapide': 2, 'envoi soigné': 2, 'reçu rapidement': 2,
  'reçu en avance': 2, 'livré rapidement': 2, 'livré en avance': 2, 'sans souci': 2, 'aucun souci': 2,
  'pas de souci': 2, 'pas de soucis': 2, 'aucun problème': 2, 'pas de problème': 2, 'sans problème': 2,
  'sans problèmes': 2, 'jamais eu de problème': 3, 'jamais eu de souci': 3, 'jamais eu de soucis': 3,
  'aucun bug': 2, 'pas un bug': 2, 'fait le taf': 2, 'se décharge': -2, 'décharge vite': -2,
  'vide la batterie': -2, 'écran noir': -2, 'resté noir': -3, 'où est ma commande': -2, 'où est mon colis': -2,
  'non reçu': -3, 'non reçue': -3, 'non livré': -3, 'non livrée': -3, 'non tenues': -2, 'non tenue': -2,
  'seul bémol': 0, 'petit bémol': 0, 'seul point négatif': 0, 'seul défaut': 0, 'petit défaut': 0, 'seul hic': 0,
  'avons attendu': -2, 'on a attendu': -2, 'ai attendu': -2, 'avoir attendu': -2, 'il a fallu': -1,
  'j’ai dû': -1, 'nous avons dû': -1, 'on a dû': -1, 'obligé de': -2, 'obligée de': -2, 'rien ne va': -3,
  'à tomber': 3, 'pas frais': -3, 'pas fraîche': -3, 'pas très frais': -2, 'sans goût': -2, 'aucun goût': -2,
  'manque de goût': -2, 'on entend tout': -2, 'ne fonctionnait pas': -3, 'fonctionnait pas': -3,
  'ne marchait pas': -3, 'marchait pas': -3, 'ne fonctionnait plus': -3, 'ne marchait plus': -3,
  'n’a pas fonctionné': -3, 'a pas fonctionné': -3, 'n’a pas marché': -3, 'a pas marché': -3,
  'se coupe': -2, 'se déconnecte': -2, 'impossible à lâcher': 3, 'pas pu le lâcher': 3, 'tombé des mains': -3,
  'en morceaux': -3, 'sentait le': -2, 'sent le': -1, 'sent bon': 2, 'odeur de tabac': -2, 'à plat': -2,
  'perd de sa puissance': -2, 'aucun moyen': -2, 'reçu au bout de': -2, 'reçue au bout de': -2,
  'arrivé au bout de': -2, 'arrivée au bout de': -2,
  'de qualité': 2, 'de qualité moyenne': -2, 'de qualité médiocre': -3, 'de qualité inférieure': -3,
  'de qualité douteuse': -3, 'manque de qualité': -2, 'de ouf': 3, 'nul à chier': -4, 'foutage de gueule': -4,
  'me suis fait avoir': -3, 's’est fait avoir': -3, 'fait avoir': -2, 'du vol': -3, 'c’est du vol': -3,
  'pour des pigeons': -3, 'pour des imbéciles': -3, 'pour des idiots': -3, 'merci du cadeau': -2,
  'petites portions': -1, 'pour ce que c’est': -1, 'pompe la batterie': -2, 'consomme beaucoup': -1,
  'ne reconnaît pas': -2, 'reconnaît pas': -2, 'ne reconnait pas': -2, 'reconnait pas': -2,
  'ne détecte pas': -2, 'détecte pas': -2, 'ne détecte plus': -3, 'ne reconnaît plus': -3,
  'rien de mieux': 2, 'rien de tel': 2, 'rien ne vaut': 2, 'rien à jeter': 2, 'à deux pas': 1, 'pas loin': 1,
  'pas encore': 0, 'pas encore reçu': -3, 'pas encore arrivé': -2, 'pas encore livré': -2, 'sans âme': -2,
  'les yeux fermés': 1, 'de rêve': 3, 'ne reflète pas': -2, 'reflète pas': -2, 'ne reflètent pas': -2,
  'reflètent pas': -2, 'ça commence à bien faire': -2, 'tout seul': -1, 'toute seule': -1, 'fidèle à la description': 2,
  'facile d’utilisation': 2, 'facile à utiliser': 2, 'facile à monter': 2, 'facile à installer': 2,
  'aucune hésitation': 2, 'pas parfait': -1, 'pas parfaite': -1, 'pas exceptionnel': -1, 'pas exceptionnelle': -1,
  'pas extraordinaire': -1, 'pas incroyable': -1, 'pas le meilleur': -1, 'pas la meilleure': -1, 'pas excellent': -1,
  'pas idéal': -1, 'pas idéale': -1, 'seul problème': 0, 'seul souci': 0, 'seul point noir': 0, 'avis négatifs': 0,
  'avis positifs': 0, 'mauvais avis': 0, 'mauvaises notes': 0, 'mauvaises critiques': 0, 'fait hésiter': 0,
  'à tort': 0, 'pas gagné': 0, 'fausse note': -2,
  'jamais passé': -3, 'jamais venu': -3, 'jamais venue': -3, 'en temps et en heure': 2, 'taille très grand': -2,
  'taille trop petit': -2, 'taille trop grand': -2, 'taillent petit': -1, 'taillent grand': -1, 'au travers': -1,
  'aux anges': 4, 'comme à la maison': 2, 'ne sert strictement à rien': -3, 'sert strictement à rien': -3,
  'ne sert absolument à rien': -3, 'sert absolument à rien': -3, 'problème résolu': 1, 'résolu mon problème': 2,
  'résolu le problème': 2, 'à l’abandon': -3,
  'n’achèterai plus': -3, 'achèterai plus': -3, 'ne commanderai plus': -3, 'commanderai plus': -3,
  'ne commanderai jamais plus': -3, 'ne rachèterai plus': -3, 'rachèterai plus': -3, 'en reprendre': 2,
  'à racheter': 2, 'trop serré': -2, 'trop serrée': -2, 'trop large': -2, 'trop juste': -2, 'trop compliqué': -2,
  'trop chaud': -2, 'trop froid': -2, 'trop tard': -2, 'trop souvent': -2,
  'cousu de fil blanc': -2, 'j’ai ri': 2, 'ne laisse pas indifférent': 2, 'laisse pas indifférent': 2,
  'sans queue ni tête': -3, 'se laisse lire': 1, 'se laisse regarder': 1, 'se laisse jouer': 1,
  'ça va': 1, 'ça marche': 1, 'ça marche pas': -3, 'ça marche plus': -3, 'ça marche bien': 2, 'ça marche très bien': 3,
  'ça marche nickel': 3, 'ça marche pas bien': -3, 'ça va pas': -2, 'pas longtemps': -2,
  'de l’industriel': -2, 'plats industriels': -2, 'aucune excuse': -2,
  'n’importe quoi': -3, 'n’importe quel': 0, 'n’importe quelle': 0, 'n’importe où': 0, 'n’importe quand': 0,
  'n’importe qui': 0, 'sans aucun doute': 1, 'sans doute': 0, 'aucun rapport avec': -2, 'rien à voir avec': -1,
  'aurais aimé': -1, 'aurais préféré': -1, 'aurait pu': -1, 'aurait dû': -1, 'j’aurais dû': -2,
  'recommande de ne pas': -3, 'conseille de ne pas': -3, 'passer votre chemin': -3, 'passer son chemin': -3,
  'jamais répondu': -3, 'pas répondu': -3, 'jamais eu de réponse': -3, 'pas eu de réponse': -3,
  'toujours pas de réponse': -3, 'attendre des miracles': 0, 'pas de miracle': 0,
  'rien de bien méchant': 1, 'rien de grave': 1, 'rien à envier': 2, 'à ne pas acheter': -3,
  'à ne surtout pas acheter': -4, 'surtout pas': -2, 'n’achetez surtout pas': -4,
  'ras le bol': -3, 'écran blanc': -2, 'message d’erreur': -2, 'moins bien': -2, 'moins bon': -2, 'moins bonne': -2, 'moins bons': -2, 'moins bonnes': -2, 'sans excuse': -2, 'même pas': -2, 'ne suit pas': -2, 'suit pas': -2, 'même pas une excuse': -3,
  'bonne surprise': 3, 'agréable surprise': 3, 'mauvaise surprise': -3, 'petit plus': 2, 'un plus': 1, 'gros plus': 2, 'vrai plus': 2, 'qualité est là': 2, 'qualité n’est pas là': -2, 'qualité au rendez vous': 2, 'd’une traite': 2, 'à voir': 1, 'geste commercial': 1,
  'rien de spécial': -1, 'rien d’exceptionnel': -1, 'rien d’extraordinaire': -1, 'rien de bien': -1,
  'ne fonctionne pas correctement': -3, 'fonctionne pas correctement': -3, 'ne fonctionne pas bien': -3,
  'fonctionne pas bien': -3, 'ne marche pas correctement': -3, 'marche pas correctement': -3,
  'ne marche pas bien': -3, 'marche pas bien': -3, 'pas convaincu': -2, 'pas convaincue': -2,
  'pas convaincus': -2, 'jamais arrivée': -3, 'pas arrivé': -3, 'pas arrivée': -3, 'toujours pas arrivé': -3,
  'toujours pas arrivée': -3, 'toujours pas livré': -3, 'toujours en attente': -3, 'en attente de': -1,
  'raccroché au nez': -3, 'personne ne décroche': -3, 'ne décroche pas': -3, 'décroche pas': -3,
  'ne décroche jamais': -3, 'impossible de joindre': -3, 'impossible à joindre': -3, 'impossible de les joindre': -3,
  'ne reviendrai plus': -3, 'ne reviendrons plus': -3, 'ne reviendra plus': -3, 'ne reviendra pas': -3,
  'y reprendra pas': -3, 'y reprendra plus': -3, 'ne retournerai pas': -3, 'ne retournerons pas': -3,
  'ne retournerai plus': -3, 'ne retournerons plus': -3, 'correspond à la description': 2,
  'correspond à mes attentes': 2, 'correspond à nos attentes': 2, 'correspond aux photos': 2,
  'pas ce que j’attendais': -2, 'pas du tout ce que j’attendais': -3, 'ce que je cherchais': 2,
  'sans intérêt': -3, 'aucun intérêt': -3, 'à oublier': -3, 'développement durable': 0, 'j’en doute': -1,
});

/**
 * "vaut vraiment le coup", "valait largement le détour": the adverbs reviewers put inside the
 * worth-it idioms, which phrase matching (token by token) would otherwise miss.
 */
function withAdverbs(phrases: Record<string, number>): Readonly<Record<string, number>> {
  const out = { ...phrases };
  for (const verb of ['vaut', 'valait', 'vaudra']) {
    for (const object of ['le coup', 'la peine', 'le détour', 'le prix']) {
      const value = object === 'le prix' ? 2 : 3;
      out[`${verb} ${object}`] ??= value;
      for (const adverb of ['vraiment', 'largement', 'bien', 'amplement', 'totalement', 'clairement']) out[`${verb} ${adverb} ${object}`] ??= value;
      // The denials carry their own negation, so they are not turned twice.
      for (const denial of ['pas', 'vraiment pas', 'pas vraiment', 'absolument pas', 'pas du tout']) {
        out[`ne ${verb} ${denial} ${object}`] ??= -value;
        out[`${verb} ${denial} ${object}`] ??= -value;
      }
    }
    out[`${verb} pas`] ??= -3;
  }
  return out;
}
