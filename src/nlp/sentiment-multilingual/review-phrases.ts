/**
 * What reviewers in each language write when the verdict is a fact or an idiom rather than an
 * opinion word ("funktioniert nicht", "ne fonctionne pas", "dejó de funcionar", "Finger weg",
 * "plus jamais", "gerne wieder"). Valences on AFINN's scale. Written for Earshot from general
 * knowledge of each language, not picked from the evaluation sets. A phrase carries its own
 * negation: it is matched before negation scopes apply, and closes any scope it sits in.
 */
export const REVIEW_PHRASES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  de: {
    'funktioniert nicht': -3, 'funktioniert nicht mehr': -3, 'hat nicht funktioniert': -3, 'geht nicht mehr': -2,
    'hört auf zu funktionieren': -3, 'nach kurzer zeit kaputt': -3, 'finger weg': -4, 'nie wieder': -3,
    'nicht zu empfehlen': -3, 'nicht empfehlenswert': -3, 'geld zurück': -2, 'nicht angekommen': -3,
    'nie angekommen': -3, 'nicht geliefert': -3, 'nie geliefert': -3, 'nicht wie beschrieben': -2,
    'nichts auszusetzen': 3, 'gerne wieder': 3, 'jederzeit wieder': 3, 'immer wieder gerne': 3, 'volle punktzahl': 3,
    'keine antwort': -3, 'nie geantwortet': -3, 'nicht geantwortet': -3, 'keine rückmeldung': -3,
    'hält was es verspricht': 2, 'macht was es soll': 2, 'wie beschrieben': 1, 'alles bestens': 3, 'alles super': 3, 'alles gut': 2,
  },
  fr: {
    'ne fonctionne pas': -3, 'fonctionne pas': -3, 'ne fonctionne plus': -3, 'fonctionne plus': -3,
    'ne marche pas': -3, 'marche pas': -3, 'ne marche plus': -3, 'marche plus': -3, 'a cessé de fonctionner': -3,
    'plus jamais': -3, 'jamais reçu': -3, 'pas reçu': -3, 'jamais arrivé': -3, 'je déconseille': -3,
    'à fuir': -4, 'à éviter': -3, 'je ne recommande pas': -3, 'ne recommande pas': -3, 'pas conforme': -2,
    'rien à redire': 3, 'rien à dire': 2, 'je recommande': 3, 'je le recommande': 3, 'je vous le recommande': 3,
    'rapport qualité prix': 1,
    'ne répond pas': -2, 'ne répond jamais': -3, 'répond jamais': -3, 'aucune réponse': -3, 'pas de réponse': -3,
    'sans réponse': -3, 'tient ses promesses': 2, 'conforme à la description': 2, 'aucun problème': 2, 'sans problème': 2, 'au top': 3,
  },
  es: {
    'no funciona': -3, 'dejó de funcionar': -3, 'deja de funcionar': -3, 'no sirve': -3, 'no llegó': -3,
    'nunca llegó': -3, 'nunca más': -3, 'no lo recomiendo': -3, 'no recomiendo': -3, 'no lo compréis': -3,
    'no lo compres': -3, 'no compréis': -3, 'no compres': -3, 'se rompió': -3, 'tuve que devolverlo': -3,
    'lo recomiendo': 3, 'cumple su función': 2, 'sin problemas': 2, 'ningún problema': 2, 'una pasada': 3,
    'calidad precio': 1,
    'no contesta': -2, 'nunca contesta': -3, 'no responde': -2, 'nunca responde': -3, 'sin respuesta': -3,
    'ninguna respuesta': -3, 'cumple lo que promete': 2, 'tal como se describe': 2, 'nada que objetar': 3,
  },
  nl: {
    'werkt niet': -3, 'werkt niet meer': -3, 'doet het niet': -3, 'doet het niet meer': -3, 'nooit meer': -3,
    'niet aan te raden': -3, 'aan te raden': 2, 'niet ontvangen': -3, 'nooit ontvangen': -3, 'geld terug': -2,
    'geen antwoord': -3, 'geen reactie': -3, 'nooit gereageerd': -3, 'niks mis mee': 3, 'niets mis mee': 3, 'doet wat het moet doen': 2,
  },
  sv: {
    'fungerar inte': -3, 'funkar inte': -3, 'slutade fungera': -3, 'slutade funka': -3, 'aldrig mer': -3,
    'köp inte': -3, 'skickade tillbaka': -2, 'pengarna tillbaka': -2, 'kom aldrig': -3, 'aldrig fått': -3,
    'inget svar': -3, 'aldrig svarat': -3, 'svarar inte': -2, 'fungerar bra': 2, 'funkar bra': 2, 'fungerar perfekt': 3, 'inga problem': 2,
  },
  pl: {
    'nie działa': -3, 'przestał działać': -3, 'przestała działać': -3, 'przestało działać': -3,
    'nie polecam': -3, 'szkoda pieniędzy': -3, 'szkoda czasu': -3, 'nigdy więcej': -3, 'nie dotarła': -3,
    'nie dotarł': -3, 'nie doszła': -3, 'nie doszedł': -3, 'działa bez zarzutu': 3, 'bez zarzutu': 3,
    'brak odpowiedzi': -3, 'nie odpowiada': -2, 'nikt nie odpowiada': -3, 'bez problemu': 2, 'bez problemów': 2,
  },
};

/**
 * Review vocabulary the lexicons get wrong or lack: the topic words of reviews (quality, price,
 * performance) carry no verdict on their own ("schlechte Qualität" must not come out mixed), and
 * returning, refunds and shoddiness are complaints. These win over the lexicon files like the
 * hand-written core of each language does.
 */
export const REVIEW_WORDS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  de: {
    qualität: 0, leistung: 0, preis: 0, billig: -1, mangelhaft: -3, mangelhafte: -3, minderwertig: -3,
    zurückgeschickt: -2, zurückgesendet: -2, retourniert: -2, rücksendung: -2, reklamation: -1, reklamiert: -2,
    kaufempfehlung: 3, hochwertig: 2, robust: 2, stabil: 1, funktioniert: 1, wackelig: -2, beschädigt: -3,
  },
  fr: {
    qualité: 0, prix: 0, heure: 0, renvoyé: -2, remboursement: -1, remboursé: -1, déconseille: -3, conforme: 1,
    fonctionne: 1, solide: 2, fragile: -2, lâché: -2, défectueux: -3, défectueuse: -3, abîmé: -3, endommagé: -3,
  },
  es: {
    calidad: 0, precio: 0, devolver: -2, devolverlo: -2, devolución: -2, devolví: -2, rompió: -3, defectuoso: -3,
    defectuosa: -3, mediocre: -3, funciona: 1, recomendable: 3, resistente: 2, endeble: -2, estropeado: -3,
  },
  nl: {
    kwaliteit: 0, prijs: 0, teruggestuurd: -2, retour: -1, werkt: 1, defect: -3, aanrader: 3, stevig: 2,
    gammel: -2, beschadigd: -3,
  },
  sv: {
    kvalitet: 0, pris: 0, stämning: 0, stämningen: 0, returnerade: -2, retur: -1, fungerar: 1, funkar: 1, rekommenderar: 3, rekommenderas: 3,
    rekommendera: 3, trasig: -3, trasigt: -3, defekt: -3, stabil: 1, gedigen: 2,
  },
  pl: {
    jakość: 0, cena: 0, zwróciłem: -2, zwróciłam: -2, zwrot: -1, reklamacja: -2, działa: 1, odradzam: -3,
    wadliwy: -3, uszkodzony: -3, solidny: 2,
  },
};
