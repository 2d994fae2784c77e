import { describe, expect, it } from 'vitest';
import { reviewFixture } from '../helpers/review-fixtures.js';
import { scoreMultilingual } from '../../src/nlp/sentiment-multilingual/index.js';

// Spanish and Swedish review language: tests/fixtures/multilingual-reviews/{es,sv}-varied.tsv were
// written before the rules they test (see that folder's README); the cases below are the rules.
const score = (text: string, lang: string): number => scoreMultilingual(text, lang)!.score;

describe('Spanish review sentiment', () => {
  it('gets at least 57 of the 60 varied reviews right', () => {
    const wrong = reviewFixture('es-varied').filter((r) => {
      const s = score(r.text, 'es');
      return s === 0 || (s > 0 ? 'positive' : 'negative') !== r.label;
    });
    expect(wrong.length, wrong.map((r) => r.text).join('\n')).toBeLessThanOrEqual(3);
  });

  it.each([
    'No está mal para lo que cuesta.',
    'No tiene nada que envidiar a las marcas caras.',
    'Está chévere, me encantó.',
    'Padrísimo el restaurante.',
    'Buenisima relacion calidad precio.',
    'La tela es suavecita.',
    'Aunque el envío tardó un poco, el producto es de muy buena calidad.',
    'Tal cual la foto.',
    'Sin ninguna pega, un diez.',
    'Cero problemas en un año.',
  ])('positive: "%s"', (text) => {
    expect(score(text, 'es')).toBeGreaterThan(0);
  });

  it.each([
    'Nada recomendable.',
    'Ni fu ni fa.',
    'No funciona con mi móvil aunque dice que es compatible.',
    'Bonito sí, pero la batería no dura ni medio día.',
    'La habitación olía a humedad. No volvemos.',
    'Sigo esperando el reembolso.',
    'Me llego otra completamente distinta.',
    'Parece de juguete, plástico barato.',
    'La app se cierra sola.',
    'Cero profesionalidad.',
    'El paquete todavía no llega.',
  ])('negative: "%s"', (text) => {
    expect(score(text, 'es')).toBeLessThan(0);
  });

  it('reads "ya no me gusta" as a negated liking, not as a fact', () => {
    expect(score('Esto ya no me gusta.', 'es')).toBeLessThan(0);
  });
});

describe('Swedish review sentiment', () => {
  it('gets at least 57 of the 60 varied reviews right', () => {
    const wrong = reviewFixture('sv-varied').filter((r) => {
      const s = score(r.text, 'sv');
      return s === 0 || (s > 0 ? 'positive' : 'negative') !== r.label;
    });
    expect(wrong.length, wrong.map((r) => r.text).join('\n')).toBeLessThanOrEqual(3);
  });

  it.each([
    'Helt okej för priset.',
    'Maten var jättegod.',
    'En riktig toppenprodukt.',
    'Kanonhotell mitt i stan.',
    'Sängarna var sköna.',
    'Skorna sitter som gjutna.',
    'Inte billig, men kvaliteten är i toppklass.',
    'Vi kommer gärna tillbaka.',
    'Skitbra service.',
  ])('positive: "%s"', (text) => {
    expect(score(text, 'sv')).toBeGreaterThan(0);
  });

  it.each([
    'Jag rekommenderar ingen att handla här.',
    'Den läcker vatten överallt.',
    'Rummet luktade rök och personalen brydde sig inte.',
    'Kudden tappade formen. Aldrig igen.',
    'Ser billig ut och känns billig.',
    'Skräpprodukt.',
    'Alldeles för dyrt. Kommer inte tillbaka.',
    'Funkar dåligt.',
  ])('negative: "%s"', (text) => {
    expect(score(text, 'sv')).toBeLessThan(0);
  });

  it('keeps a negated opinion after the verb negative ("gillar inte")', () => {
    expect(score('Jag gillar inte den nya appen.', 'sv')).toBeLessThan(0);
  });
});
