/**
 * The vocabulary of product, hotel, restaurant and app reviews per language, written for Earshot
 * from general knowledge of each language (not picked from any data set): verdicts (recommend,
 * worth it, returned, broke, stopped working, disappointed, flimsy…), the idioms that carry their
 * own negation ("nicht zu empfehlen", "ne vaut pas", "no vale la pena", "nie warto", "niet waard",
 * "inte värt"), and the things reviews are about (atmosphere, size, time…), which carry no verdict
 * however the translated lexicons score them. Valences on AFINN's scale. Written by hand for this
 * project: no licence beyond the project's own.
 *
 * Inflection is left to the analyzer's suffix stripping where the lemma is long enough (≥ 5
 * letters); short or irregular forms are listed as they are written.
 */

/** Topic words: what a review talks about, not what it thinks of it. */
export const TOPIC_WORDS: Readonly<Record<string, readonly string[]>> = {
  de: ['größe', 'grösse', 'stimmung', 'zeit', 'menge', 'farbe', 'lieferzeit', 'sterne', 'stern'],
  nl: ['sfeer', 'tijd', 'maat', 'kleur', 'waarde', 'ster', 'sterren'],
  sv: ['stämning', 'tid', 'storlek', 'färg', 'värde', 'stjärna', 'stjärnor'],
  pl: ['czas', 'pokój', 'pokoju', 'pokoje', 'materiał', 'rozmiar', 'kolor', 'klimat', 'gwiazdka', 'gwiazdki', 'gwiazdek'],
  fr: ['taille', 'matière', 'petit', 'petite', 'temps', 'couleur', 'étoile', 'étoiles'],
  es: ['entrega', 'producto', 'precio', 'pedido', 'función', 'color', 'talla', 'tiempo', 'estrella', 'estrellas', 'tamaño'],
};

/** Single words. */
export const REVIEW_VOCABULARY: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  de: {
    weiterempfehlen: 3, weiterzuempfehlen: 3, empfehlung: 2, lohnt: 2, gelohnt: 2, lohnenswert: 2, überzeugt: 3,
    überzeugend: 3, überzeugen: 2, traumhaft: 4, tadellos: 3, makellos: 3, erstklassig: 4, gelungen: 3,
    solide: 2, langlebig: 2, handlich: 1, praktisch: 2, übersichtlich: 2, intuitiv: 2, flott: 1, zügig: 2,
    sorgfältig: 2, ordentlich: 1, fair: 2, komfortabel: 2, geräumig: 2, reichlich: 1, frisch: 2, kulant: 3,
    unkompliziert: 2, zufriedenstellend: 2, hammer: 3, spitzenklasse: 4, begeistert: 3, wunderbar: 4,
    fehlkauf: -4, reinfall: -3, schrott: -4, müll: -3, ramsch: -3, schund: -3, billigware: -3, mangel: -2,
    mängel: -2, fehlerhaft: -3, zerkratzt: -2, verkratzt: -2, gebrochen: -2, abgebrochen: -2, gerissen: -2,
    undicht: -3, klapprig: -3, instabil: -2, umständlich: -2, unübersichtlich: -2, retoure: -2,
    zurückgegeben: -2, umtausch: -1, erstattung: -1, unhöflich: -3, inkompetent: -3, überteuert: -3,
    absturz: -2, abstürze: -2, stürzt: -2, ruckelt: -2, schimmel: -3, schimmelig: -3, muffig: -2,
    verschmutzt: -3, ungenießbar: -4, versalzen: -2, verbrannt: -2, lauwarm: -2, fade: -2, geschmacklos: -2,
    hellhörig: -2, frust: -2, frustrierend: -3, verschwendung: -3, unzuverlässig: -3, unbequem: -2,
    nachlässig: -2, ignoriert: -2, vertröstet: -2, mies: -3, dürftig: -2, lieblos: -2, verarbeitung: 0, wert: 2, passt: 1,
  },
  nl: {
    aanrader: 3, aanraden: 3, waard: 2, overtuigd: 2, perfect: 4, prachtig: 4, uitstekend: 4, degelijk: 2,
    stevig: 2, handig: 2, gebruiksvriendelijk: 2, overzichtelijk: 2, vlot: 2, snelle: 1, keurig: 2,
    brandschoon: 3, ruime: 1, comfortabel: 2, eerlijk: 1, vriendelijke: 2, behulpzaam: 2, voortreffelijk: 4,
    topkwaliteit: 3, goedkoop: 0, tip: 1, meevalt: 2, valt: 0,
    miskoop: -4, rommel: -3, troep: -3, prul: -3, bagger: -4, ondermaats: -3, bedroevend: -3, gebrekkig: -3,
    beschadigd: -3, gebroken: -2, afgebroken: -2, krassen: -2, wiebelt: -2, lekt: -2, crasht: -3, crashen: -3,
    vastlopen: -2, loopt: 0, teleurstellend: -3, teruggestuurd: -2, retourneren: -2, geretourneerd: -2,
    onbruikbaar: -4, nutteloos: -3, oplichters: -4, onbeleefd: -3, ongeduldig: -2, genegeerd: -2,
    zonde: -2, geldverspilling: -4, verspilling: -3, vies: -3, muf: -2, taai: -2, aangebrand: -2,
    gehorig: -2, oncomfortabel: -2, onbetrouwbaar: -3, klantonvriendelijk: -3, wansmakelijk: -3,
  },
  sv: {
    rekommenderas: 3, prisvärd: 2, prisvärt: 2, värd: 2, värt: 2, smidig: 2, smidigt: 2, stabil: 1,
    stadig: 2, gedigen: 2, hållbar: 2, lättanvänd: 2, snabb: 1, fräsch: 2, fräscht: 2, rent: 2, ren: 2,
    rymlig: 2, bekväm: 2, bekvämt: 2, skön: 2, trevlig: 2, tillmötesgående: 3, toppen: 4, klockren: 4,
    klockrent: 4, kanon: 4, kanonbra: 4, superbra: 4, felfri: 3, felfritt: 3, nöjd: 2, nöjda: 2, rimlig: 1,
    rimliga: 1, rimligt: 1, kristallklart: 3, kristallklar: 3,
    urusel: -4, uruselt: -4, kass: -3, skräp: -4, skräpig: -3, skit: -3, bluff: -4, plastig: -2, plastigt: -2,
    sladdrig: -2, ömtålig: -2, bräcklig: -2, trasig: -3, trasiga: -3, sönder: -3, repig: -2, repor: -2,
    kraschar: -3, krånglar: -2, krångel: -2, krångligt: -2, hänger: -1, buggig: -3, buggar: -2, otrevlig: -3,
    oförskämd: -3, ohövlig: -3, besviken: -3, besvikna: -3, besvikelse: -3, ångrar: -3, returnera: -2,
    returnerat: -2, reklamation: -2, reklamerade: -2, seg: -1, segt: -2, sega: -1, kall: -1, kallt: -1,
    smutsigt: -3, smutsiga: -3, äckligt: -3, slöseri: -3, bortkastade: -3, bortkastat: -3, långsamt: -2,
    missnöjd: -3, avråder: -3, avråda: -3, missnöjda: -3, opålitlig: -3, ljuger: -3,
  },
  pl: {
    polecam: 3, polecamy: 3, godny: 2, godne: 2, wart: 2, warta: 2, warte: 2, warto: 2, opłaca: 2,
    zadowolony: 3, zadowolona: 3, zadowoleni: 3, uprzejmy: 2, uprzejma: 2, uprzejmie: 2, intuicyjny: 2,
    intuicyjna: 2, płynnie: 2, płynny: 1, wygodny: 2, wygodne: 2, wygodna: 2, solidny: 2, solidnie: 2,
    wytrzymały: 2, porządny: 2, porządnie: 2, rzetelnie: 2, terminowo: 2, punktualnie: 2, szybciutko: 2,
    zgodny: 1, zgodnie: 1, adekwatna: 1, rozsądnej: 1, rozsądna: 1, rozsądny: 1, znakomicie: 4, bomba: 3,
    rewelka: 4, wrócimy: 2, wrócę: 2, sztos: 4, cudo: 4, spisuje: 1, sprawdza: 1,
    tandeta: -4, tandetny: -4, badziew: -4, szmelc: -4, złom: -4, bubel: -4, buble: -4, chłam: -4, dno: -3,
    niezgodny: -3, niezgodna: -3, niezgodne: -3, uszkodzona: -3, uszkodzone: -3, zepsuta: -3, zepsute: -3,
    zepsuła: -3, zepsuło: -3, popsuł: -3, popsuła: -3, popsuty: -3, pęka: -3, pękł: -3, pękła: -3,
    pękło: -3, pękły: -3, puściły: -2, puścił: -2, odpadł: -2, odpadła: -2, odpada: -2, rozpadł: -3, rozpada: -3,
    zawiesza: -3, zawiesił: -3, wiesza: -3, zacina: -2, zacięła: -2, opóźnienie: -2, opóźnieniem: -2,
    spóźniona: -2, spóźniony: -2, zwrócić: -2, zwróciłam: -2, zwróciłem: -2, odesłałem: -2, odesłałam: -2,
    reklamację: -2, rozczarowana: -3, rozczarowany: -3, rozczarowanie: -3, zawiodłem: -3, zawiodłam: -3,
    zawiódł: -3, zawiodła: -3, niestety: -2, niewygodne: -3, niewygodna: -3, brudna: -3, brudne: -3,
    zimne: -1, zimna: -1, zimny: -1, twarde: -1, twardy: -1, niedobre: -3, niesmaczne: -3, nieświeże: -3,
    oszuści: -4, oszust: -4, oszukany: -4, naciągacze: -4, niekompetentna: -3, nieuprzejmy: -3,
    nieuprzejma: -3, opryskliwa: -3, bezczelny: -3, żenada: -4, żenujący: -3, porażka: -4, wtopa: -3,
    dziadostwo: -4, kicha: -3, lipa: -3, felerny: -3, wadliwy: -3, wadliwa: -3, wadliwe: -3,
  },
  fr: {
    recommande: 3, recommandé: 3, recommandée: 3, recommandable: 3, vaut: 1, conforme: 1, impeccable: 4,
    irréprochable: 4, efficace: 2, fluide: 2, intuitive: 2, intuitif: 2, pratique: 2, solide: 2, robuste: 2,
    copieux: 2, copieuse: 2, spacieux: 2, spacieuse: 2, confortable: 2, chaleureux: 3, serviable: 2,
    attentionné: 3, rapide: 1, top: 3, nickel: 3, bluffant: 3, ravi: 3, ravie: 3, satisfait: 2,
    satisfaite: 2, régale: 3, régalés: 3, succulent: 4, excellents: 4, excellentes: 4,
    déçu: -3, déçue: -3, déçus: -3, décevant: -3, décevante: -3, déplorable: -4, médiocre: -3, camelote: -4,
    arnaque: -4, escroquerie: -4, escrocs: -4, fragile: -2, défectueux: -3, défectueuse: -3, cassée: -3,
    cassés: -3, rayé: -2, rayée: -2, abîmée: -3, endommagée: -3, plante: -2, bug: -2, bugs: -2, buggé: -3,
    bugue: -2, beugue: -2, lent: -2, renvoyé: -2, retourné: -2, remboursé: -1, froid: -1, froide: -1,
    dure: -1, caoutchouteux: -2, immangeable: -4, bruyant: -2, bruyante: -2, sale: -3, sales: -3, crasseux: -3,
    impoli: -3, impolie: -3, désagréable: -3, incompétent: -3, incompétents: -3, odieux: -4, inadmissible: -4,
    inutilisable: -4, lamentable: -4, pire: -4, nulle: -3, nuls: -3, bof: -1, regrette: -3, regret: -2,
    plaindre: -2, plainte: -2, attendu: 0, marché: 0,
  },
  es: {
    recomiendo: 3, recomendable: 3, recomendado: 3, recomendada: 3, encantador: 3, encantadora: 3, riquísimo: 4,
    riquísima: 4, abundante: 2, amplio: 1, amplia: 1, cómoda: 2, comodísima: 3, comodísimo: 3, fluida: 2,
    fluido: 2, intuitiva: 2, intuitivo: 2, práctico: 2, práctica: 2, resistente: 2, sólido: 2, eficaz: 2,
    eficiente: 2, impecable: 4, inmejorable: 4, maravilla: 4, repetiremos: 3, repetiría: 3, repetir: 1,
    razonable: 1, volveremos: 3, volveré: 3, genial: 4, ideal: 3, perfectamente: 3, fenomenal: 4, atentos: 2, amables: 2,
    decepcionante: -3, decepcionado: -3, decepcionada: -3, decepción: -3, porquería: -4, basura: -4,
    chapuza: -4, cutre: -3, timo: -4, estafa: -4, estafadores: -4, defectuoso: -3, defectuosa: -3,
    roto: -3, rota: -3, rotos: -3, rotas: -3, rompió: -3, dañado: -3, dañada: -3, rayado: -2, rayada: -2,
    endeble: -2, frágil: -2, cuelga: -2, bloquea: -2, falla: -2, fallos: -2, devolví: -2, devolverlo: -2,
    devolverla: -2, devuelto: -2, devuelta: -2, reembolso: -1, frío: -1, fría: -1, duro: -1, dura: -1,
    sucio: -3, sucia: -3, ruidoso: -2, ruidosa: -2, maleducado: -3, maleducada: -3, borde: -2, incompetente: -3,
    incompetentes: -3, pésimo: -4, pésima: -4, penoso: -3, lamentable: -4, inservible: -4, retraso: -2,
    lentísimo: -3, arrepiento: -3, gustado: 2, gustaron: 2, cumple: 2, correcto: 1, correcta: 1,
  },
};

/** Idioms: matched as whole token sequences before negation applies; each carries its own negation. */
export const REVIEW_IDIOMS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  de: {
    'nicht lange gehalten': -3, 'hält nicht lange': -3, 'hielt nicht lange': -3, 'entspricht nicht': -3,
    'billig verarbeitet': -3, 'schlecht verarbeitet': -3, 'gut verarbeitet': 3, 'zu klein': -2, 'zu groß': -2, 'zu gross': -2, 'zu kurz': -2, 'zu eng': -2, 'zu dünn': -2, 'zu viel werbung': -2,
    'kam beschädigt an': -3, 'nie erhalten': -3, 'nicht erhalten': -3, 'mehr erwartet': -2, 'hatte mehr erwartet': -3, 'besseres erwartet': -2, 'nicht empfehlen': -3, 'nicht weiterempfehlen': -3, 'nicht wert': -3, 'keine empfehlung': -3,
    'keine kaufempfehlung': -3, 'geist aufgegeben': -3, 'gibt den geist auf': -3, 'geht kaputt': -3,
    'ging kaputt': -3, 'kaputt gegangen': -3, 'kaputtgegangen': -3, 'stürzt ab': -3, 'stürzt ständig ab': -3,
    'stürzt nicht mehr ab': 2, 'zu spät': -2, 'passt nicht': -2, 'hält nicht': -2, 'lässt sich nicht': -2,
    'preis leistung stimmt': 3, 'preis leistung top': 3, 'wie angegossen': 3, 'jeden cent wert': 3,
    'sein geld wert': 3, 'ihr geld wert': 3, 'kommen wieder': 3, 'wieder kaufen': 3, 'wieder bestellen': 3,
    'nichts zu meckern': 3, 'nichts zu bemängeln': 3, 'keine wünsche offen': 3, 'kein vergleich': 0,
    'nicht das gelbe vom ei': -2, 'lässt zu wünschen übrig': -3, 'lässt wünsche offen': -2,
    'nicht wie erwartet': -2, 'hat sich gelohnt': 3, 'nicht gelohnt': -3, 'lohnt sich nicht': -3,
  },
  nl: {
    'ging niet lang mee': -3, 'gaat niet lang mee': -3, 'gaat lang mee': 2, 'komt niet overeen': -3,
    'slecht afgewerkt': -3, 'goed afgewerkt': 3, 'te klein': -2, 'te groot': -2, 'te kort': -2, 'te krap': -2, 'te dun': -2, 'te veel reclame': -2,
    'voelt goedkoop aan': -3, 'niet goedkoop': -1, 'meer verwacht': -2, 'meer van verwacht': -2, 'beter verwacht': -2, 'niet aanraden': -3, 'niet aan te bevelen': -3, 'geen aanrader': -3, 'niet waard': -3, 'het geld niet waard': -3,
    'zonde van het geld': -4, 'zonde van je geld': -4, 'gestopt met werken': -3, 'houdt op met werken': -3,
    'ging kapot': -3, 'gaat kapot': -3, 'uit elkaar gevallen': -3, 'valt uit elkaar': -3, 'te laat': -2,
    'past niet': -2, 'lukt niet': -2, 'lukt niet meer': -2, 'elke cent waard': 3, 'zijn geld waard': 3,
    'komen zeker terug': 3, 'komen terug': 2, 'zou hem zo weer kopen': 3, 'weer kopen': 2, 'valt mee': 2,
    'valt ontzettend mee': 3, 'viel tegen': -3, 'valt tegen': -3, 'vielen tegen': -3, 'laat te wensen over': -3,
    'niets op aan te merken': 3, 'niks op aan te merken': 3, 'prijs kwaliteit verhouding is top': 3,
    'doet het gewoon niet': -3, 'blij mee': 3, 'erg blij mee': 3,
  },
  sv: {
    'höll inte länge': -3, 'håller inte länge': -3, 'håller länge': 2, 'stämmer inte': -2, 'för liten': -2, 'för stor': -2, 'för kort': -2, 'för tunn': -2, 'för mycket reklam': -2,
    'förväntat mig mer': -2, 'trodde mer': -2, 'inte värt': -3, 'inte värd': -3, 'inte värda': -3, 'inte prisvärd': -3, 'kan inte rekommendera': -3,
    'rekommenderar inte': -3, 'gick sönder': -3, 'går sönder': -3, 'slutade fungera': -3,
    'laddar inte': -2, 'för sent': -2, 'passar inte': -2, 'går inte att': -2, 'värd pengarna': 3,
    'värt pengarna': 3, 'värt varenda krona': 3, 'värd varenda krona': 3, 'kommer tillbaka': 2,
    'kommer definitivt tillbaka': 3, 'köper igen': 3, 'köpa igen': 2, 'ångrar köpet': -3, 'pengarna i sjön': -4,
    'lämnar mycket att önska': -3, 'aldrig krånglat': 3, 'inte krånglat': 2, 'som utlovat': 2, 'helt klart värd': 3,
  },
  pl: {
    'nie wytrzymał': -3, 'nie wytrzymała': -3, 'długo nie wytrzymał': -3, 'długo nie wytrzyma': -3,
    'słabo wykonany': -3, 'dobrze wykonany': 3, 'za mały': -2, 'za mała': -2, 'za małe': -2, 'za duży': -2, 'za duża': -2, 'za duże': -2, 'za krótki': -2,
    'za cienki': -2, 'za dużo reklam': -2, 'nie dostałem': -3, 'nie dostałam': -3, 'spodziewałem się więcej': -2, 'spodziewałam się więcej': -2, 'oczekiwałem więcej': -2, 'oczekiwałam więcej': -2, 'nie warto': -3, 'nie jest wart': -3, 'nie jest warta': -3, 'nie opłaca się': -3, 'nie spełnia': -3,
    'nie da się': -2, 'nie polecam': -3, 'nie polecamy': -3, 'zepsuł się': -3, 'zepsuła się': -3,
    'zepsuło się': -3, 'psuje się': -3, 'zgodny z opisem': 2, 'zgodna z opisem': 2, 'zgodne z opisem': 2,
    'niezgodny z opisem': -3, 'niezgodna z opisem': -3, 'na czas': 1, 'w porządku': 2, 'na pewno wrócimy': 3,
    'warto było': 3, 'wart swojej ceny': 3, 'warta swojej ceny': 3, 'pozostawia wiele do życzenia': -3,
    'wyrzucone pieniądze': -4, 'wyrzucone w błoto': -4, 'strata pieniędzy': -4, 'nie działa': -3,
    'nie odpowiada na': -3, 'nikomu nie polecam': -4, 'szczerze polecam': 4, 'gorąco polecam': 4,
  },
  fr: {
    'pas tenu longtemps': -3, 'tient pas longtemps': -3, 'mal fini': -3, 'bien fini': 3, 'trop petit': -2, 'trop petite': -2, 'trop grand': -2, 'trop grande': -2, 'trop court': -2, 'trop courte': -2,
    'trop fin': -2, 'trop de pub': -2, 'trop de publicités': -2, 'arrivé cassé': -3, 'reçu cassé': -3, 'attendais à mieux': -2, 'attendais mieux': -2, 'attendais plus': -2, 'ne le recommande pas': -3, 'ne la recommande pas': -3, 'ne les recommande pas': -3, 'recommande pas': -3,
    'ne vaut pas': -3, 'vaut pas': -3, 'ne vaut rien': -4, 'vaut largement': 3, 'vaut le coup': 3,
    'vaut le détour': 3, 'ne vaut pas le coup': -3, 'en panne': -3, 'tombé en panne': -3, 'tombée en panne': -3,
    'a lâché': -3, 'ont lâché': -3, 'plante sans arrêt': -3, 'plante tout le temps': -3, 'de retard': -2,
    'en retard': -2, 'bon marché': -1, 'fait bon marché': -3, 'au rendez vous': 2, 'aux petits soins': 3,
    'rapport qualité prix': 0, 'bon rapport qualité prix': 3, 'très bon rapport qualité prix': 3,
    'mauvais rapport qualité prix': -3, 'on y retournera': 3, 'nous reviendrons': 3, 'je reviendrai': 3,
    'à éviter': -3, 'laisse à désirer': -3, 'pas terrible': -2, 'pas top': -2, 'pas au top': -2,
    'pas de souci': 2, 'aucun souci': 2, 'jamais eu de souci': 3, 'sans souci': 2, 'pas donné': 0,
    'ne correspond pas': -3, 'pas conforme': -3, 'de mauvaise qualité': -3, 'de bonne qualité': 3,
  },
  es: {
    'duró poco': -3, 'dura poco': -3, 'no duró nada': -3, 'no se parece': -2, 'mal acabado': -3,
    'bien acabado': 3, 'demasiado pequeño': -2, 'demasiado pequeña': -2, 'demasiado grande': -2, 'demasiado corto': -2,
    'demasiados anuncios': -2, 'demasiada publicidad': -2, 'llegó tarde': -2, 'llegó roto': -3, 'llegó rota': -3,
    'llegó dañado': -3, 'llegó dañada': -3, 'no recibí': -3, 'nunca recibí': -3, 'no he recibido': -3, 'esperaba más': -2, 'esperaba algo mejor': -2, 'esperaba mucho más': -3, 'no vale la pena': -3, 'merece la pena': 3, 'vale la pena': 3, 'no merece la pena': -3, 'no vale': -3,
    'no lo recomiendo': -3, 'no la recomiendo': -3, 'no los recomiendo': -3, 'no recomendable': -3,
    'se rompió': -3, 'se rompe': -3, 'se ha roto': -3, 'se cuelga': -3, 'se bloquea': -3,
    'deja mucho que desear': -3, 'dejó de funcionar': -3, 'ha dejado de funcionar': -3, 'de retraso': -2,
    'con retraso': -2, 'tal como se describe': 2, 'tal y como se describe': 2, 'funciona de maravilla': 4,
    'de maravilla': 3, 'buena calidad': 3, 'mala calidad': -3, 'muy mala calidad': -4, 'calidad precio': 0,
    'buena relación calidad precio': 3, 'vale cada euro': 3,
    'no volveré': -3, 'no volveremos': -3, 'nunca más': -3, 'tiré el dinero': -4, 'tirar el dinero': -4,
    'dinero tirado': -4, 'no cumple': -3, 'no corresponde': -3, 'no es lo que esperaba': -3, 'ni de lejos': -2,
  },
};

/**
 * Emoji of reviews that the Emoji Sentiment Ranking (2015) lacks or scores against their use
 * in reviews (👎 -1, 😡 -1, ❌ +1 there). Hand-written; they win over emoji.json.
 */
export const EMOJI_VERDICTS: Readonly<Record<string, number>> = {
  '👎': -3, '😡': -3, '🤬': -4, '🤮': -4, '🤢': -3, '💩': -3, '🙁': -2, '☹': -3, '🙄': -2, '😢': -2, '😞': -2,
  '😠': -3, '😤': -2, '😒': -2, '❌': -2, '🚫': -2, '👍': 3, '👌': 2, '💯': 3, '🔥': 2, '🥰': 3, '🤩': 3,
  '😍': 3, '❤': 3, '💕': 3, '💖': 3, '👏': 2, '🙌': 2, '✅': 2, '🥳': 3, '😋': 3,
};
