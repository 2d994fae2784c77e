import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreMultilingual } from '../../src/nlp/sentiment-multilingual/index.js';

// French as reviewers write it (Amazon-style products, hotels, restaurants, apps, delivery):
// tests/fixtures/multilingual-reviews/fr-reviews.tsv was written for Earshot before the French
// review rules; the sentences below are the constructions those rules exist for.
const score = (text: string): number => scoreMultilingual(text, 'fr')!.score;
const sign = (text: string): number => Math.sign(score(text));

describe('French review fixture', () => {
  const rows = readFileSync(new URL('../fixtures/multilingual-reviews/fr-reviews.tsv', import.meta.url), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split('\t') as [string, string, string]);

  it('is balanced and reads at least 9 in 10 of its reviews right', () => {
    expect(rows.filter((r) => r[1] === 'positive').length).toBe(rows.filter((r) => r[1] === 'negative').length);
    const wrong = rows.filter(([text, label]) => (label === 'positive' ? score(text) <= 0 : score(text) >= 0));
    expect(wrong.length, wrong.map((r) => r[0]).join('\n')).toBeLessThanOrEqual(Math.floor(rows.length / 10));
  });
});

describe('French review language', () => {
  it('reads "bien" and "super" as praise where nothing follows them to strengthen', () => {
    expect(score('Très bien.')).toBeGreaterThan(0.3);
    expect(score('Super produit.')).toBeGreaterThan(0.3);
    expect(score('Ça marche très bien.')).toBeGreaterThan(0.3);
    expect(score('Pas très bien.')).toBeLessThan(0);
    // Still an intensifier before an opinion word.
    expect(score('Super rapide.')).toBeGreaterThan(score('Rapide.'));
  });

  it.each([
    "J'aime pas.",
    'Ça vaut pas le coup.',
    'Je recommande pas.',
    "C'est pas terrible.",
    'Pas top.',
    'Marche pas.',
  ])('reads negation without its "ne": "%s"', (text) => {
    expect(score(text)).toBeLessThan(-0.3);
  });

  it.each(['Pas mal du tout.', "C'est pas mal.", 'Je ne suis pas déçu, bien au contraire !', 'Aucun regret.', 'Il ne m’a jamais lâché.'])(
    'reads a denied complaint as praise: "%s"',
    (text) => {
      expect(score(text)).toBeGreaterThan(0.3);
    },
  );

  it('reads "ne … que" as a restriction, not a denial', () => {
    expect(score("Il n'y a que du bon.")).toBeGreaterThan(0.3);
    expect(score('La batterie ne tient que deux heures.')).toBeLessThan(0);
  });

  it('denies with "peu" but only softens with "un peu"', () => {
    expect(score('Personnel peu aimable.')).toBeLessThan(-0.3);
    expect(score('Un peu cher mais très bon.')).toBeGreaterThan(0.3);
    expect(score('Produit peu cher et efficace.')).toBeGreaterThan(0.3);
  });

  it('reads "moins" as the comparative it is', () => {
    expect(score('Beaucoup moins bruyant que le précédent.')).toBeGreaterThan(0);
    expect(score("Moins cher qu'ailleurs.")).toBeGreaterThan(0);
    expect(score("Moins bien que l'ancien modèle.")).toBeLessThan(0);
  });

  it('ends a negation at "et" once it has turned a word', () => {
    expect(score('Pas cher et efficace.')).toBeGreaterThan(0.3);
    expect(score('Pas beau et pas pratique.')).toBeLessThan(score('Pas beau.'));
    expect(score('Ni beau ni pratique.')).toBeLessThan(score('Ni beau.'));
  });

  it.each(["Je ne peux que recommander.", 'Rien de mieux pour le prix.', 'Produit de qualité.', 'Hôtel à deux pas de la plage.'])(
    'reads French that looks negated but praises: "%s"',
    (text) => {
      expect(score(text)).toBeGreaterThan(0);
    },
  );

  it.each([
    ['Livraison un peu longue, par contre le produit est superbe.', 1],
    ['Joli, en revanche la qualité est déplorable.', -1],
    ['Certes un peu cher, mais la qualité est là.', 1],
    ['Un peu bruyant, sinon parfait.', 1],
    ['Le jeu est beau, mais les bugs le rendent injouable.', -1],
  ])('lets the clause after the contrast decide: "%s"', (text, expected) => {
    expect(sign(text)).toBe(expected);
  });

  it('lets a summing-up outweigh the story before it', () => {
    expect(score('Livraison lente, emballage moyen. Bref, je recommande quand même pour le prix.')).toBeGreaterThan(0);
    expect(score("Joli, léger, pratique. Au final, il casse au bout d'un mois.")).toBeLessThan(0);
    // "en revanche" is a contrast within its sentence, not a summing-up of the review.
    expect(score('Très beau, solide et pratique. En revanche, un peu lourd.')).toBeGreaterThan(0);
  });

  it.each([
    'Colis jamais reçu et service client injoignable.',
    "La lampe ne s'allume plus après deux jours.",
    'Le wifi ne fonctionnait pas.',
    "Il manquait deux pièces dans le carton.",
    'Toujours pas remboursée un mois après le retour.',
    'On a attendu 45 minutes.',
    'Commande passée il y a 3 semaines, toujours rien.',
    "L'appli plante à chaque ouverture depuis la mise à jour.",
    'Le poisson n’était pas frais.',
  ])('reads a complaint told as a fact: "%s"', (text) => {
    expect(score(text)).toBeLessThan(-0.3);
  });

  it.each([
    ['déçu', 'déçue', 'déçus', 'déçues', 'decu', 'decue'],
    ['décevant', 'décevante', 'décevants', 'decevantes'],
    ['cassé', 'cassée', 'cassés', 'cassees'],
  ])('reads every gender, number and unaccented form of "%s"', (...forms) => {
    for (const form of forms) expect(score(`Produit ${form}.`), form).toBeLessThan(-0.3);
  });

  it('reads reviews typed without accents', () => {
    expect(score('tres decue, produit arrive casse')).toBeLessThan(-0.3);
    expect(score('Tres bon rapport qualite prix, je recommande a 100%')).toBeGreaterThan(0.3);
    expect(score('a fuir, jamais recu ma commande')).toBeLessThan(-0.3);
  });

  it("reads a hotel's stars as its class, a reviewer's stars as a rating", () => {
    expect(score('Hôtel 4 étoiles très décevant.')).toBeLessThan(-0.3);
    expect(score('Pour un 5 étoiles, service indigne.')).toBeLessThan(-0.3);
    expect(score('Je mets 4 étoiles.')).toBeGreaterThan(0.3);
    expect(score('Une étoile, colis abîmé.')).toBeLessThan(-0.3);
  });

  it('gives no verdict to the things reviews are about', () => {
    for (const text of ["L'auteur a écrit un roman.", 'La commande a été passée lundi.', 'Nous avons passé deux nuits à l’hôtel.']) {
      expect(score(text), text).toBe(0);
    }
  });

  it('explains a verdict by the phrase that made it', () => {
    const explain = scoreMultilingual('Ne fonctionne plus au bout d’un mois, à fuir.', 'fr')!.explain;
    expect(explain.some((part) => part.startsWith('ne fonctionne plus('))).toBe(true);
    expect(explain.some((part) => part.startsWith('à fuir('))).toBe(true);
  });
});
