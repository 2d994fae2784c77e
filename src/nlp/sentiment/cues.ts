/**
 * Complaint-as-fact cues. Most negative customer posts carry no sentiment word ("been on hold for
 * 2 hours and still no answer"): the complaint is told as a fact. Each cue family is one feature
 * the model weighs; its words are matched on folded tokens (lower case, light plural fold).
 */
export type CueName =
  | 'waiting'
  | 'duration'
  | 'delay'
  | 'cancelled'
  | 'still-no'
  | 'no-response'
  | 'lost'
  | 'never-happened'
  | 'broken'
  | 'refund'
  | 'question-complaint'
  | 'question'
  | 'exclaim'
  | 'contrast';

export interface CueHit {
  cue: CueName;
  start: number;
  end: number;
}

const SINGLE: Record<string, CueName> = {
  wait: 'waiting', waiting: 'waiting', waited: 'waiting', queue: 'waiting', forever: 'waiting',
  delay: 'delay', delayed: 'delay', late: 'delay', stuck: 'delay', stranded: 'delay', missed: 'delay',
  cancel: 'cancelled', cancelled: 'cancelled', canceled: 'cancelled', cancellation: 'cancelled',
  cancelling: 'cancelled', canceling: 'cancelled',
  lost: 'lost', missing: 'lost', misplaced: 'lost',
  broken: 'broken', broke: 'broken', damaged: 'broken', crash: 'broken', crashe: 'broken',
  crashed: 'broken', crashing: 'broken', freeze: 'broken', freezing: 'broken', frozen: 'broken',
  glitch: 'broken', error: 'broken', fail: 'broken', failed: 'broken',
  defective: 'broken', disconnect: 'broken', disconnected: 'broken', disconnecting: 'broken',
  unresponsive: 'broken', dead: 'broken', malfunction: 'broken',
  refund: 'refund', reimburse: 'refund', reimbursement: 'refund', compensation: 'refund',
  returned: 'refund', returning: 'refund',
};

// Words after which "no"/"not" marks a complaint about something that did not happen.
const STILL = new Set(['still', 'yet']);
const NOTHING = new Set(['no', 'not', 'nothing', 'nobody', 'noone', 'none', 'never', 'waiting', "haven't", 'without']);
const RESPONSE = new Set(['answer', 'response', 'reply', 'call', 'callback', 'help', 'update', 'info', 'information', 'one', 'email', 'word', 'explanation', 'assistance', 'show']);
const TIME_UNITS = new Set(['hour', 'hr', 'hrs', 'minute', 'min', 'mins', 'day', 'week', 'month']);
const WORK = new Set(['work', 'working', 'worked', 'function', 'functioning', 'connect', 'connecting', 'respond', 'responding', 'load', 'turn', 'charge', 'charging']);
const NEVER_ARRIVED = new Set(['arrived', 'arrive', 'received', 'receive', 'got', 'came', 'showed', 'delivered', 'found', 'heard', 'called']);
const QUESTION_OPENERS = new Set(['why', 'how', 'when', 'where', 'what', 'who', 'is', 'does', 'can', 'will', 'are', 'do']);
const QUESTION_COMPLAINT_WORDS = new Set(['why', 'still', 'yet', 'again', 'never', 'nobody', 'no', 'not', 'long', 'seriously', 'ever', 'anyone']);

/**
 * Finds cue hits in words[start..end] (inclusive). `words` are folded feature words ('' where the
 * token is skipped), `raw` the lower-cased tokens (for punctuation and negation words).
 */
export function findCues(words: readonly string[], raw: readonly string[], negated: ArrayLike<number>, start: number, end: number): CueHit[] {
  const hits: CueHit[] = [];
  scanCues(words, raw, negated, start, end, { cue: (cue, from, to) => void hits.push({ cue, start: from, end: to }) });
  return hits;
}

/** Where scanCues() reports each hit. */
export interface CueSink {
  cue(cue: CueName, start: number, end: number): void;
}

/** Reports each cue hit of findCues, in the same order, to `sink` (no hit objects: the scoring hot path). */
export function scanCues(
  words: readonly string[],
  raw: readonly string[],
  negated: ArrayLike<number>,
  start: number,
  end: number,
  sink: CueSink,
): void {
  let sentenceStart = start;
  for (let i = start; i <= end; i++) {
    const w = raw[i]!;
    const word = words[i]!;
    if (w === '?') {
      sink.cue(isComplaintQuestion(raw, sentenceStart, i) ? 'question-complaint' : 'question', sentenceStart, i);
      sentenceStart = i + 1;
      continue;
    }
    if (w === '!') {
      sink.cue('exclaim', i, i);
      sentenceStart = i + 1;
      continue;
    }
    if (w === '.') {
      sentenceStart = i + 1;
      continue;
    }
    if (word === '') continue;
    if (w === 'but' || w === 'however') {
      sink.cue('contrast', i, i);
      continue;
    }
    if (w === 'hold' && raw[i - 1] === 'on') {
      sink.cue('waiting', i - 1, i);
      continue;
    }
    if (word === '<num>' && TIME_UNITS.has(words[i + 1] ?? '')) {
      sink.cue('duration', i, i + 1);
      continue;
    }
    if (STILL.has(w)) {
      for (let j = i + 1; j <= Math.min(end, i + 3); j++) {
        if (NOTHING.has(raw[j]!)) {
          sink.cue('still-no', i, j);
          break;
        }
      }
      continue;
    }
    if ((w === 'no' || w === 'nobody') && RESPONSE.has(words[i + 1] ?? '')) {
      sink.cue('no-response', i, i + 1);
      continue;
    }
    if (WORK.has(word) && (raw[i - 1] === 'not' || raw[i - 1] === 'stopped' || raw[i - 2] === 'not' || raw[i - 1] === 'stop')) {
      sink.cue('broken', i - 1, i);
      continue;
    }
    if (w === 'never' && NEVER_ARRIVED.has(raw[i + 1] ?? '')) {
      sink.cue('never-happened', i, i + 1);
      continue;
    }
    const single = SINGLE[word];
    // "not delayed", "no crashes": a negated cue word is not a complaint.
    if (single && !negated[i]) sink.cue(single, i, i);
  }
}

/** The cue families in a fixed order: scanCueCodes() reports them by index. */
export const CUE_NAMES: readonly CueName[] = [
  'waiting', 'duration', 'delay', 'cancelled', 'still-no', 'no-response', 'lost', 'never-happened',
  'broken', 'refund', 'question-complaint', 'question', 'exclaim', 'contrast',
];
const CUE_INDEX = new Map(CUE_NAMES.map((name, index) => [name, index]));
const C = (name: CueName): number => CUE_INDEX.get(name)!;

// What scanCues() asks of a raw token, as bits (one memo lookup per token instead of a dozen
// string tests per token per span).
const R_QUESTION = 1 << 0;
const R_EXCLAIM = 1 << 1;
const R_DOT = 1 << 2;
const R_CONTRAST = 1 << 3;
const R_HOLD = 1 << 4;
const R_ON = 1 << 5;
const R_STILL = 1 << 6;
const R_NO_NOBODY = 1 << 7;
const R_NOT = 1 << 8;
const R_STOPPED_STOP = 1 << 9;
const R_NEVER = 1 << 10;
const R_NOTHING = 1 << 11;
const R_NEVER_ARRIVED = 1 << 12;
const R_OPENER = 1 << 13;
const R_WHY = 1 << 14;
const R_STILL_AGAIN = 1 << 15;
const R_COMPLAINT_WORD = 1 << 16;
// ... and of a feature word; bits 8 and up hold 1 + the index of its single-word cue (0: none).
const W_EMPTY = 1 << 0;
const W_NUM = 1 << 1;
const W_TIME_UNIT = 1 << 2;
const W_RESPONSE = 1 << 3;
const W_WORK = 1 << 4;
/** A SINGLE lookup that is no cue name (an Object.prototype key such as "constructor"). */
export const NOT_A_CUE = -1;

function rawBits(w: string): number {
  let bits = 0;
  if (w === '?') bits |= R_QUESTION;
  if (w === '!') bits |= R_EXCLAIM;
  if (w === '.') bits |= R_DOT;
  if (w === 'but' || w === 'however') bits |= R_CONTRAST;
  if (w === 'hold') bits |= R_HOLD;
  if (w === 'on') bits |= R_ON;
  if (STILL.has(w)) bits |= R_STILL;
  if (w === 'no' || w === 'nobody') bits |= R_NO_NOBODY;
  if (w === 'not') bits |= R_NOT;
  if (w === 'stopped' || w === 'stop') bits |= R_STOPPED_STOP;
  if (w === 'never') bits |= R_NEVER;
  if (NOTHING.has(w)) bits |= R_NOTHING;
  if (NEVER_ARRIVED.has(w)) bits |= R_NEVER_ARRIVED;
  if (QUESTION_OPENERS.has(w)) bits |= R_OPENER;
  if (w === 'why') bits |= R_WHY;
  if (w === 'still' || w === 'again') bits |= R_STILL_AGAIN;
  if (QUESTION_COMPLAINT_WORDS.has(w)) bits |= R_COMPLAINT_WORD;
  return bits;
}

function wordBits(word: string): number {
  let bits = 0;
  if (word === '') bits |= W_EMPTY;
  if (word === '<num>') bits |= W_NUM;
  if (TIME_UNITS.has(word)) bits |= W_TIME_UNIT;
  if (RESPONSE.has(word)) bits |= W_RESPONSE;
  if (WORK.has(word)) bits |= W_WORK;
  const single = SINGLE[word];
  if (single) bits |= (CUE_INDEX.has(single) ? C(single) + 1 : 0xff) << 8;
  return bits;
}

const rawMemo = new Map<string, number>();
const wordMemo = new Map<string, number>();
function memoized(memo: Map<string, number>, key: string, of: (key: string) => number): number {
  let bits = memo.get(key);
  if (bits === undefined) {
    if (memo.size >= 100_000) memo.clear();
    bits = of(key);
    memo.set(key, bits);
  }
  return bits;
}

/** scanCueCodes()'s bits of a raw (lower-cased) token. */
export function rawCueCode(raw: string): number {
  return memoized(rawMemo, raw, rawBits);
}

/** scanCueCodes()'s bits of a feature word ('' for a skipped token). */
export function wordCueCode(word: string): number {
  return memoized(wordMemo, word, wordBits);
}

/** Where scanCueCodes() reports each hit: the index of its cue in CUE_NAMES, or NOT_A_CUE. */
export interface CueCodeSink {
  cueCode(cue: number, start: number, end: number): void;
}

/**
 * scanCues() on the bits of cueCodes(): the same hits, in the same order. `n` is the document's
 * token count (the code arrays may be longer).
 */
export function scanCueCodes(
  raw: Int32Array,
  words: Int32Array,
  n: number,
  negated: ArrayLike<number>,
  start: number,
  end: number,
  sink: CueCodeSink,
): void {
  let sentenceStart = start;
  for (let i = start; i <= end; i++) {
    const r = raw[i]!;
    const word = words[i]!;
    if (r & R_QUESTION) {
      sink.cueCode(isComplaintQuestionCode(raw, sentenceStart, i) ? C_QUESTION_COMPLAINT : C_QUESTION, sentenceStart, i);
      sentenceStart = i + 1;
      continue;
    }
    if (r & R_EXCLAIM) {
      sink.cueCode(C_EXCLAIM, i, i);
      sentenceStart = i + 1;
      continue;
    }
    if (r & R_DOT) {
      sentenceStart = i + 1;
      continue;
    }
    if (word & W_EMPTY) continue;
    if (r & R_CONTRAST) {
      sink.cueCode(C_CONTRAST, i, i);
      continue;
    }
    const before = i > 0 ? raw[i - 1]! : 0;
    if (r & R_HOLD && before & R_ON) {
      sink.cueCode(C_WAITING, i - 1, i);
      continue;
    }
    const nextWord = i + 1 < n ? words[i + 1]! : 0;
    if (word & W_NUM && nextWord & W_TIME_UNIT) {
      sink.cueCode(C_DURATION, i, i + 1);
      continue;
    }
    if (r & R_STILL) {
      for (let j = i + 1; j <= Math.min(end, i + 3); j++) {
        if (raw[j]! & R_NOTHING) {
          sink.cueCode(C_STILL_NO, i, j);
          break;
        }
      }
      continue;
    }
    if (r & R_NO_NOBODY && nextWord & W_RESPONSE) {
      sink.cueCode(C_NO_RESPONSE, i, i + 1);
      continue;
    }
    if (word & W_WORK && (before & (R_NOT | R_STOPPED_STOP) || (i > 1 && raw[i - 2]! & R_NOT))) {
      sink.cueCode(C_BROKEN, i - 1, i);
      continue;
    }
    if (r & R_NEVER && i + 1 < n && raw[i + 1]! & R_NEVER_ARRIVED) {
      sink.cueCode(C_NEVER_HAPPENED, i, i + 1);
      continue;
    }
    const single = word >> 8;
    // "not delayed", "no crashes": a negated cue word is not a complaint.
    if (single !== 0 && !negated[i]) sink.cueCode(single === 0xff ? NOT_A_CUE : single - 1, i, i);
  }
}

const C_QUESTION_COMPLAINT = C('question-complaint');
const C_QUESTION = C('question');
const C_EXCLAIM = C('exclaim');
const C_CONTRAST = C('contrast');
const C_WAITING = C('waiting');
const C_DURATION = C('duration');
const C_STILL_NO = C('still-no');
const C_NO_RESPONSE = C('no-response');
const C_BROKEN = C('broken');
const C_NEVER_HAPPENED = C('never-happened');

function isComplaintQuestionCode(raw: Int32Array, start: number, end: number): boolean {
  if (end - start < 2) return false;
  const opener = raw[start]!;
  if (!(opener & R_OPENER)) {
    for (let i = start; i < end; i++) if (raw[i]! & R_STILL_AGAIN) return true;
    return false;
  }
  if (opener & R_WHY) return true;
  for (let i = start; i < end; i++) if (raw[i]! & R_COMPLAINT_WORD) return true;
  return false;
}

function isComplaintQuestion(raw: readonly string[], start: number, end: number): boolean {
  if (end - start < 2) return false;
  const opener = raw[start]!;
  if (!QUESTION_OPENERS.has(opener)) {
    // "so my bag is still missing?" — a statement asked back is a complaint when it says so.
    for (let i = start; i < end; i++) if (raw[i] === 'still' || raw[i] === 'again') return true;
    return false;
  }
  if (opener === 'why') return true;
  for (let i = start; i < end; i++) if (QUESTION_COMPLAINT_WORDS.has(raw[i]!)) return true;
  return false;
}
