import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/nlp/language.js';

describe('detectLanguage', () => {
  it('takes the source hint first, normalised to its ISO 639-1 part', () => {
    expect(detectLanguage('Great service', 'pt-BR')).toEqual({ lang: 'pt', source: 'hint' });
    expect(detectLanguage('Great service', ' ')).toEqual({ lang: 'en', source: 'detected' });
  });

  it('knows short English reviews that n-grams alone call Tagalog, Yoruba or undetermined', () => {
    for (const text of ['Love my Echo Spot!', 'Fun', 'Cool', 'Awesome!! Loving it']) expect(detectLanguage(text).lang, text).toBe('en');
  });

  it('leaves short texts in the other analysed languages, and unknown words, to the detector', () => {
    expect(detectLanguage('Es perfecto.').lang).toBe('es');
    expect(detectLanguage('Heel erg bedankt voor de snelle levering').lang).toBe('nl');
    expect(detectLanguage('Mycket nöjd med köpet').lang).toBe('sv');
    expect(detectLanguage('Obrigado pela entrega rápida e pelo ótimo atendimento').lang).toBe('pt');
  });
});
