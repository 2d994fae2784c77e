import { describe, expect, it } from 'vitest';
import { MULTILINGUAL_LANGUAGES, scoreMultilingual } from '../../src/nlp/sentiment-multilingual/index.js';

// Every text here was written for this test, the way a customer in that language would write it.
const score = (text: string, lang: string): number => scoreMultilingual(text, lang)!.score;

const REVIEWS: Record<string, { positive: string[]; negative: string[] }> = {
  de: {
    positive: ['Super Service, das Personal war sehr freundlich und die Lieferung kam pünktlich. Absolut empfehlenswert!', 'Tolles Produkt, ich bin wirklich zufrieden.'],
    negative: ['Schrecklicher Kundenservice, nach drei Wochen immer noch keine Antwort. Total enttäuscht.', 'Das Gerät war nach zwei Tagen kaputt. Nie wieder!'],
  },
  nl: {
    positive: ['Heerlijk gegeten, de bediening was erg vriendelijk. Een echte aanrader!', 'Prima app, werkt snel en ziet er mooi uit.'],
    negative: ['Slechte service, we hebben een uur moeten wachten en het eten was koud.', 'Waardeloos product, ging na een week kapot. Zeer teleurgesteld.'],
  },
  sv: {
    positive: ['Jättebra produkt, snabb leverans och trevlig personal. Rekommenderar verkligen!', 'Maten var god och stämningen mysig.'],
    negative: ['Usel kundtjänst, ingen svarade på mina mejl. Mycket besviken.', 'Appen är värdelös och kraschar hela tiden.'],
  },
  pl: {
    positive: ['Świetny produkt, szybka dostawa i bardzo miła obsługa. Polecam!', 'Jestem bardzo zadowolona z zakupu, wszystko działa idealnie.'],
    negative: ['Fatalna obsługa klienta, nikt nie odpowiada na reklamację. Odradzam.', 'Słaba jakość, po tygodniu się zepsuł. Jestem rozczarowany.'],
  },
  fr: {
    positive: ["Très bon restaurant, l'accueil était chaleureux et les plats délicieux. Je recommande !", 'Application géniale, rapide et efficace.'],
    negative: ["Service client nul, j'attends un remboursement depuis un mois. Très déçu.", 'Produit horrible, cassé au bout de deux jours.'],
  },
  es: {
    positive: ['Excelente servicio, el personal fue muy amable y la comida estaba deliciosa. ¡Lo recomiendo!', 'Me encanta esta aplicación, funciona perfecto.'],
    negative: ['Pésima atención al cliente, nadie responde y el pedido llegó roto.', 'Muy decepcionado, la calidad es malísima.'],
  },
};

describe('scoreMultilingual', () => {
  it('covers nl, sv, pl, de, fr and es', () => {
    expect([...MULTILINGUAL_LANGUAGES].sort()).toEqual(['de', 'es', 'fr', 'nl', 'pl', 'sv']);
  });

  for (const [lang, { positive, negative }] of Object.entries(REVIEWS)) {
    it(`reads clear ${lang} reviews the way a native speaker would`, () => {
      for (const text of positive) expect(score(text, lang), text).toBeGreaterThan(0.3);
      for (const text of negative) expect(score(text, lang), text).toBeLessThan(-0.3);
    });
  }

  it.each([
    ['de', 'Das Essen ist gut.', 'Das Essen ist nicht gut.'],
    ['nl', 'Het eten is goed.', 'Het eten is niet goed.'],
    ['sv', 'Maten är bra.', 'Maten är inte bra.'],
    ['pl', 'Ten produkt jest dobry.', 'Ten produkt nie jest dobry.'],
    ['fr', "C'est bon.", "Ce n'est pas bon."],
    ['fr', 'Le repas est bon.', 'Le repas est pas bon.'],
    ['es', 'La comida es buena.', 'La comida no es buena.'],
  ])('%s negation turns "%s" around in "%s"', (lang, plain, negated) => {
    expect(score(plain, lang)).toBeGreaterThan(0);
    expect(score(negated, lang)).toBeLessThan(0);
  });

  it.each([
    ['de', 'Es gefällt mir.', 'Es gefällt mir nicht.'],
    ['sv', 'Jag gillar appen.', 'Jag gillar inte appen.'],
    ['nl', 'Het beviel ons.', 'Het beviel ons niet.'],
  ])('%s negation after the verb turns "%s" around in "%s"', (lang, plain, negated) => {
    expect(score(plain, lang)).toBeGreaterThan(0);
    expect(score(negated, lang)).toBeLessThan(0);
  });

  it('reads a negated negative as mildly positive, not as strongly positive', () => {
    const notBad = score('Das war nicht schlecht.', 'de');
    expect(notBad).toBeGreaterThan(0);
    expect(notBad).toBeLessThan(score('Das war gut.', 'de'));
  });

  it('reads negation glued to the word', () => {
    expect(score('Die Mitarbeiter waren unfreundlich.', 'de')).toBeLessThan(0);
    expect(score('Obsługa była niekompetentna.', 'pl')).toBeLessThan(0);
    expect(score('Personalen var otrevlig.', 'sv')).toBeLessThan(0);
  });

  it.each([
    ['de', 'Das Essen war gut, aber der Service war furchtbar.', -1],
    ['nl', 'Het eten was lekker, maar de bediening was onvriendelijk en traag.', -1],
    ['sv', 'Leveransen var långsam, men produkten är fantastisk.', 1],
    ['pl', 'Dostawa była wolna, ale produkt jest świetny.', 1],
    ['fr', "L'hôtel est joli mais la chambre était sale.", -1],
    ['es', 'El hotel es bonito pero la habitación estaba sucia.', -1],
  ])('%s: what follows "but" outweighs what came before: %s', (lang, text, sign) => {
    expect(Math.sign(score(text, lang))).toBe(sign);
  });

  it('scores words inside closed compounds and inflected forms', () => {
    expect(score('Wieder eine Zugverspätung.', 'de')).toBeLessThan(0);
    expect(score('Najlepszego produktu nie znajdziecie, świetnej jakości.', 'pl')).toBeGreaterThan(0);
  });

  it('uses emoji and emoticons', () => {
    expect(score('Leverans i dag 😍', 'sv')).toBeGreaterThan(0);
    expect(score('Pedido otra vez tarde :(', 'es')).toBeLessThan(0);
  });

  it('gives 0 with an empty explanation where no word carries an opinion', () => {
    expect(scoreMultilingual('Der Zug fährt um 8 Uhr ab.', 'de')).toEqual({ score: 0, explain: [] });
  });

  it('keeps scores within [-1, 1] and explains them', () => {
    const result = scoreMultilingual('Super super super toll, perfekt, wunderbar, großartig!!!', 'de')!;
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.score).toBeGreaterThan(0.9);
    expect(result.explain.length).toBeGreaterThan(0);
    expect(scoreMultilingual('Schlimmer geht es nicht.', 'de')!.score).toBeGreaterThanOrEqual(-1);
  });

  it('returns null for a language it has no analyzer for', () => {
    expect(scoreMultilingual('Il servizio era ottimo.', 'it')).toBeNull();
    expect(scoreMultilingual('Great service.', 'en')).toBeNull();
    expect(scoreMultilingual('something', 'und')).toBeNull();
  });

  it('accepts upper-case language codes', () => {
    expect(scoreMultilingual('Sehr gut!', 'DE')!.score).toBeGreaterThan(0);
  });

  it.each([
    ['de', 'Funktioniert nicht mehr, habe es zurückgeschickt.'],
    ['de', 'Finger weg von diesem Händler.'],
    ['fr', 'Ne fonctionne pas, renvoyé au vendeur.'],
    ['fr', 'Jamais reçu ma commande.'],
    ['es', 'Dejó de funcionar a las dos semanas.'],
    ['es', 'Nunca llegó el pedido.'],
    ['nl', 'Werkt niet meer, teruggestuurd.'],
    ['sv', 'Fungerar inte, skickade tillbaka den.'],
    ['pl', 'Przestał działać po tygodniu.'],
    ['de', 'Der Kundenservice hat nie geantwortet.'],
    ['fr', 'Le service client ne répond jamais.'],
    ['es', 'El servicio al cliente nunca contesta.'],
  ])('%s reads a complaint told as a fact as negative: "%s"', (lang, text) => {
    const result = scoreMultilingual(text, lang)!;
    expect(result.score).toBeLessThan(-0.3);
    expect(result.explain.some((part) => part.includes(' '))).toBe(true);
  });

  it('reads praise idioms that contain a negator as positive, and lets "nicht gut" stay negated', () => {
    expect(score('An dem Gerät ist nichts auszusetzen.', 'de')).toBeGreaterThan(0.3);
    expect(score('Rien à redire, parfait.', 'fr')).toBeGreaterThan(0.3);
    expect(score('Działa bez zarzutu.', 'pl')).toBeGreaterThan(0.3);
    expect(score('Das funktioniert nicht gut.', 'de')).toBeLessThan(0);
  });

  it('takes quality and price for topics, not verdicts', () => {
    expect(score('Schlechte Qualität.', 'de')).toBeLessThan(-0.3);
    expect(score('Mauvaise qualité.', 'fr')).toBeLessThan(-0.3);
    expect(score('Slechte kwaliteit.', 'nl')).toBeLessThan(-0.3);
    expect(score('Dålig kvalitet.', 'sv')).toBeLessThan(-0.3);
    expect(score('Słaba jakość.', 'pl')).toBeLessThan(-0.3);
  });

  it('scores German compounds only by heads it trusts', () => {
    // "meister" and "stärke" are positive in the translated AFINN list; a mayor and a volume are not opinions.
    expect(score('Der Bürgermeister kam.', 'de')).toBe(0);
    expect(score('Die Lautstärke ist einstellbar.', 'de')).toBe(0);
    expect(score('Schon wieder Zugverspätung.', 'de')).toBeLessThan(0);
  });

  it('gives Spanish function words no sentiment, whatever the stems of ML-SentiCon say', () => {
    expect(scoreMultilingual('Es para todo lo que hay.', 'es')).toEqual({ score: 0, explain: [] });
  });

  it('finds Spanish opinion words that only ML-SentiCon knows', () => {
    const result = scoreMultilingual('El montaje es muy engorroso.', 'es')!;
    expect(result.score).toBeLessThan(0);
    expect(result.explain.join(' ')).toContain('engorroso');
  });
});
