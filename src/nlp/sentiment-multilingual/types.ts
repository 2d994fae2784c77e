/** What one language brings to the shared scorer: its own words and its own grammar of opinion. */
export interface LanguageRules {
  /** Hand-written valences (about -4..4, AFINN's scale) for the words reviews lean on; they win over the lexicon file. */
  core: Record<string, number>;
  /** Words that turn the sentiment that follows (and, for verb-second languages, a verb just before) around. */
  negators: readonly string[];
  /** Words that strengthen (×1.5) or soften (×0.6) the next sentiment word; two words ("un peu") match as a pair. */
  intensifiers: readonly string[];
  diminishers: readonly string[];
  /** "but": what comes after outweighs what came before in the same sentence. Two words ("par contre") match as a pair. */
  contrast: readonly string[];
  /** "although": the clause it opens counts less. */
  concessive: readonly string[];
  /** Inflectional endings stripped, longest first, to find a lemma in the lexicon. */
  suffixes: readonly string[];
  /** Minimum stem length left after stripping a suffix. */
  minStem: number;
  /** Closed compounds (de, nl, sv): score an unknown word by its longest known head ("Zugverspätung" → "verspätung"). */
  compounds: boolean;
  /** A negating prefix glued to the word ("unfreundlich", "onvriendelijk", "otrevlig", "niedobry"). */
  negPrefix?: string | readonly string[];
  /** Negation may follow the verb it negates ("gefällt mir nicht", "gillar inte"). */
  postVerbalNegation: boolean;
  /**
   * A larger lexicon asked only for words nothing else knows (loaded on first use); returns a
   * valence on AFINN's scale, 0 for none.
   */
  fallback?: () => (token: string) => number;
  /** Elided articles and pronouns glued to the next word ("l'accueil", "n'est"). */
  elision?: RegExp;
  /**
   * Words for "star" in ratings written out ("5 Sterne", "une étoile"), as a regex alternation
   * of their forms, and the number words that count them (the digits are common to all).
   */
  stars: string;
  numbers: Readonly<Record<string, number>>;
  /** The word between a score and its scale ("4 von 5", "4 sur 5"); "/" works everywhere. */
  outOf: readonly string[];
  /**
   * Accents writers leave out (Polish "zle" for "źle", Spanish "rapido", French "tres"): forms are
   * also looked up with diacritics removed when the exact form is unknown.
   */
  foldDiacritics?: boolean;
  /**
   * Lemma candidates where stripping an ending is not enough (Dutch "waardeloze" → "waardeloos",
   * "trage" → "traag", "vieze" → "vies"): tried after the exact form and the stem.
   */
  lemmas?: (word: string) => string[];
  /**
   * Intensifiers that are opinion words of their own in the core ("bien", "super"): where no opinion
   * word or other intensifier follows, they count as that word ("très bien", "super produit").
   */
  standaloneIntensifiers?: boolean;
  /**
   * Negators written after the verb once the first half of the negation is dropped ("j'aime pas",
   * "ça vaut pas"): one that finds nothing to turn after it turns the opinion word just before it.
   */
  droppedNe?: readonly string[];
  /**
   * Words that make an open negation restrictive instead ("ne … que": "il n'y a que du bon"): after
   * one of `negators` with no second half yet, they close its scope unturned.
   */
  restrictive?: { negators: readonly string[]; words: readonly string[] };
  /** Negators that deny one word only ("peu aimable et efficace"): their scope closes on the first word turned. */
  oneWordNegators?: readonly string[];
  /** Conjunctions that end a negation once it has turned a word ("pas cher et efficace", "pas beau et pas pratique"). */
  conjunctions?: readonly string[];
  /**
   * Contrast words that sum up the whole review ("bref", "au final"): everything before them, not
   * only their sentence, counts half. Each must also be listed in `contrast`.
   */
  summary?: readonly string[];
  /**
   * Words before "4 étoiles" that make it a hotel's class, not a rating ("hôtel 4 étoiles", "pour un
   * 5 étoiles"), as a regex alternation on lower-cased text.
   */
  starClassBefore?: string;
  /** Phrases of this language alone, matched like the shared review phrases (and winning over them). */
  phrases?: Readonly<Record<string, number>>;
  /** Accents that only stress a word (Dutch "géén", "zéér"): removed before anything is looked up. */
  stressAccents?: boolean;
  /**
   * Other spellings writers use for a known word (German "ae" for "ä", "ss" for "ß"): added at
   * start for every known word, role and phrase, where it collides with nothing. No cost per text.
   */
  spellings?: readonly ((word: string) => string)[];
  /**
   * Rewrites a text's tokens in place before they are scored, keeping their positions (German
   * separable verbs: "fiel nach drei Tagen aus" → "∅ nach drei Tagen ausfallen").
   */
  rewriteTokens?: (tokens: string[]) => void;
}
