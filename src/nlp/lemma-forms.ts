import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// WordNet's irregular forms as wink's model ships them (inflected form → base).
const require = createRequire(import.meta.url);
const exceptionTables = ['verb', 'noun', 'adjective'].map(
  (kind) => require(`wink-eng-lite-web-model/dist/wn-${kind}-exceptions.js`) as Record<string, string>,
);

/**
 * Lemma matching without tagging every text: a taxonomy word is expanded once, when the taxonomy
 * is compiled, into the inflected forms whose wink lemma is that word ("cancel" → cancels,
 * cancelled, canceled, cancelling…; "lose" → lost; "bag" → bags). Matching then stays one exact
 * lookup per token. Tagging each text with wink's part-of-speech pass instead would cost about a
 * tenth of analysis throughput (see BENCHMARKS.md), which is at its floor.
 */

let tagger: ReturnType<typeof winkNLP> | null = null;
/** One wink instance with the part-of-speech pass, shared (loading the model costs ~0.2 s). */
export const posTagger = () => (tagger ??= winkNLP(model, ['pos']));
const pos = posTagger;

const lemmaMemo = new Map<string, string[]>();

/** The lemmas wink gives a word alone, after "the" and after "they" (noun and verb readings). */
export function lemmasOf(word: string): string[] {
  let lemmas = lemmaMemo.get(word);
  if (lemmas === undefined) {
    const nlp = pos();
    const found = new Set<string>();
    for (const text of [word, `the ${word}`, `they ${word}`]) {
      const lemmas = nlp.readDoc(text).tokens().out(nlp.its.lemma as never) as unknown as string[];
      const last = lemmas.at(-1);
      if (last !== undefined) found.add(last.toLowerCase());
    }
    lemmas = [...found];
    lemmaMemo.set(word, lemmas);
  }
  return lemmas;
}

function isKnown(word: string): boolean {
  const nlp = pos();
  probe ??= nlp.readDoc('x');
  return !probe.isOOV(word);
}
let probe: ReturnType<ReturnType<typeof winkNLP>['readDoc']> | null = null;

const irregular = new Map<string, string[]>();
for (const table of exceptionTables) {
  for (const [inflected, base] of Object.entries(table)) {
    if (inflected === base) continue;
    const list = irregular.get(base) ?? [];
    list.push(inflected);
    irregular.set(base, list);
  }
}

const VOWEL = /[aeiou]/;

/** Regular English inflections of a base word by spelling rules; the caller checks them with wink. */
function regularForms(base: string): string[] {
  const last = base.at(-1)!;
  const stem = base.slice(0, -1);
  const out: string[] = [];
  if (last === 'e') out.push(`${base}s`, `${base}d`, `${stem}ing`, `${base}r`, `${base}st`);
  else if (/(s|x|z|ch|sh|o)$/.test(base)) out.push(`${base}es`, `${base}ed`, `${base}ing`, `${base}er`, `${base}est`);
  else if (last === 'y' && !VOWEL.test(base.at(-2) ?? 'a')) out.push(`${stem}ies`, `${stem}ied`, `${base}ing`, `${stem}ier`, `${stem}iest`);
  else out.push(`${base}s`, `${base}ed`, `${base}ing`, `${base}er`, `${base}est`);
  if (last === 'f') out.push(`${stem}ves`);
  if (base.endsWith('fe')) out.push(`${base.slice(0, -2)}ves`);
  // Doubled final consonant: stop → stopped, cancel → cancelled, big → bigger.
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(base)) out.push(`${base}${last}ed`, `${base}${last}ing`, `${base}${last}er`, `${base}${last}est`);
  return out;
}

const formsMemo = new Map<string, string[]>();

/**
 * Every form that should match a taxonomy word under lemma matching. A word written in its base
 * form (its own wink lemma: cancel, delay, lose, bag) matches its inflections (cancels,
 * cancelled, cancelling; lost; bags). A word written inflected ("broken", "cancelled") matches
 * only that form, so "broken" never reaches "a break". Regular forms wink knows must lemmatise
 * back to the base ("sing" does not reach "singer"); ones it does not know are kept, as they can
 * only ever be that inflection.
 */
export function lemmaForms(word: string): string[] {
  let forms = formsMemo.get(word);
  if (forms !== undefined) return forms;
  const out = new Set<string>([word]);
  if (/^\p{L}{2,}$/u.test(word) && lemmasOf(word).includes(word)) {
    for (const form of irregular.get(word) ?? []) out.add(form);
    for (const form of regularForms(word)) {
      if (out.has(form)) continue;
      if (!isKnown(form) || lemmasOf(form).includes(word)) out.add(form);
    }
  }
  forms = [...out];
  formsMemo.set(word, forms);
  return forms;
}
