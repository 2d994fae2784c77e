/**
 * What customers write in reviews when the verdict is a fact or a habit of speech rather than an
 * opinion word: "stopped working", "returned it", "waste of money", "works great" (ratings written
 * in the text, "2/5", "two stars", are read in review-evidence.ts). Valences on VADER's scale (−4…+4). Written for Earshot from general review language, not
 * picked from the evaluation sets. A phrase is matched on wink's normalised tokens ("doesn't" →
 * "does not"), longest first; words inside a matched phrase do not count again as lexicon words.
 */
export const REVIEW_PHRASES: Readonly<Record<string, number>> = {
  // product failure, regret, return
  'waste of money': -3, 'waste of time': -3, 'a waste': -2, "don't buy": -3, 'do not buy': -3,
  "wouldn't recommend": -3, 'would not recommend': -3, 'not recommend': -3, "can't recommend": -3,
  'cannot recommend': -3, 'stopped working': -3, 'quit working': -3, 'stop working': -2,
  'no longer works': -3, 'no longer working': -3, "doesn't work": -2, 'does not work': -2,
  "didn't work": -2, 'did not work': -2, 'never worked': -3, "won't work": -2, 'not working': -2,
  'not worth': -2, 'not worth the money': -3, 'returned it': -2, 'return it': -2, 'returning it': -2,
  'sent it back': -2, 'send it back': -2, 'sending it back': -2, 'going back': -1, 'money back': -2,
  'piece of junk': -3, 'piece of crap': -3, 'fell apart': -3, 'falls apart': -3, 'falling apart': -3,
  'came apart': -3, 'coming apart': -3, 'poor quality': -3,
  'cheaply made': -2, 'save your money': -3, 'buyer beware': -3, 'worst purchase': -3, 'not happy': -2, 'not impressed': -2,
  'not satisfied': -2, 'false advertising': -3, 'ripped off': -3, 'rip off': -3,
  "won't turn on": -3, 'will not turn on': -3, "doesn't turn on": -3, 'does not turn on': -3,
  "won't charge": -3, 'dead on arrival': -3, 'not as described': -3, 'not as pictured': -3,
  'not as advertised': -3, 'stay away': -3, 'steer clear': -3, 'avoid this': -3, 'look elsewhere': -2,
  // places and services
  'go elsewhere': -2, "won't go back": -3, 'would not go back': -3, 'never coming back': -3,
  'will never return': -3, 'never again': -3, 'never go back': -3, "won't be back": -3, 'will not be back': -3,
  "won't be returning": -3, 'not coming back': -3, 'no response': -2,
  'would not stay': -3, "wouldn't stay": -3, 'would not go': -2, 'would not buy': -3, "wouldn't buy": -3,
  'would not order': -3, 'never arrived': -3, 'never received': -3, 'never showed up': -3,
  'no apology': -2, 'wrong size': -2, 'wrong item': -2, 'wrong order': -2, 'charged twice': -3,
  'charged me twice': -3, 'double charged': -3, 'keeps crashing': -3, 'keeps freezing': -3,
  'keeps disconnecting': -3, 'keeps logging me out': -2, 'drains my battery': -2, 'drains the battery': -2,
  'at best': -1.5, 'not worth the hype': -3, 'nothing special': -1.5,
  'left a lot to be desired': -2, 'leaves a lot to be desired': -2, 'could have been better': -1.5,
  'went nowhere': -2, 'no fix': -2, 'known issue': -1.5, 'known fault': -2, 'total waste': -3,
  'died after': -3, 'broke after': -3, 'lasted a week': -2, 'lasted a month': -2, 'no one answered': -2,
  'nobody answered': -2, 'never replied': -2, 'never responded': -2, 'never heard back': -2,
  'had to return': -2, 'had to send it back': -3, 'asked for a refund': -2, 'requested a refund': -2,
  // mild complaint idioms
  'does not': -0.5, "doesn't": -0.5, 'hard to': -1, 'difficult to': -1, 'not very': -1,
  'not at all': -1, 'too bad': -1, 'at all': -0.5,
  // praise
  'highly recommend': 3, 'would recommend': 2, 'definitely recommend': 3, 'recommend it': 2,
  'recommend this': 2, 'works great': 3, 'works well': 2, 'works perfectly': 3, 'works fine': 2,
  'work great': 3, 'love it': 3, 'love this': 3, 'loves it': 3, 'love them': 3, 'love my': 3,
  'worth every penny': 3, 'worth the money': 3, 'worth it': 2,
  'great value': 3, 'good value': 2, 'exceeded my expectations': 3, 'exceeded expectations': 3,
  'as described': 1, 'as expected': 1, 'no complaints': 2, 'no problems': 2, 'no issues': 2,
  "can't go wrong": 3, 'best purchase': 3, 'will buy again': 3, 'would buy again': 3,
  'will be back': 2, 'well made': 2, 'easy to use': 2, 'easy to set up': 2, 'easy to setup': 2,
  'does the job': 2, 'very happy': 3, 'so happy': 3, 'very pleased': 3, "can't beat": 2,
  "couldn't be happier": 3, 'no regrets': 2, 'must have': 2, 'a must': 2, 'thank you': 1,
  'keep up the good work': 3, 'top notch': 3, 'second to none': 3, 'well worth': 3, 'blown away': 3,
  'above and beyond': 3, 'worth the wait': 2, 'will definitely return': 3, 'will definitely be back': 3,
  'can not wait to go back': 3, 'exceeded our expectations': 3,
  'would stay again': 3, 'would stay here again': 3, 'stay here again': 2, 'book again': 2,
  'order again': 2, 'buy again': 2, 'buy from them again': 3, 'in a heartbeat': 2, 'hidden gem': 3,
  'spot on': 2, 'just works': 2, 'as advertised': 1.5, 'as pictured': 1, 'better than expected': 2.5,
  'better than i expected': 2.5, 'made up for it': 1.5, 'worth the trip': 2.5, 'worth the price': 2.5,
  'value for money': 1.5, 'fits perfectly': 2.5, 'fit perfectly': 2.5, 'true to size': 1.5,
  'arrived early': 1.5, 'arrived quickly': 1.5, 'arrived on time': 1.5, 'fast delivery': 2,
  'quick delivery': 2, 'fast shipping': 2, 'runs like new': 2, 'still works': 1.5, 'never had a bad': 3,
  'no fuss': 1.5, 'without any fuss': 1.5, 'no hassle': 1.5, 'hassle free': 2, 'hassle-free': 2,
  'went out of their way': 3, 'out of their way': 2.5, 'could not be happier': 3,
  // a complaint named as the only or a minor one: the rest of the review is praise
  'only complaint': 1, 'only gripe': 1, 'only issue': 1, 'only problem': 1, 'only downside': 1,
  'only drawback': 1, 'only negative': 1, 'only con': 1, 'minor complaint': 1, 'minor gripe': 1,
  'minor issue': 0.5, 'small complaint': 1, 'one small complaint': 1,
  // one star taken off a full mark is a four-star verdict, not a one-star rating
  'knocked a star off': 1.5, 'knocked one star off': 1.5, 'knocked off a star': 1.5, 'knocked off one star': 1.5,
  'dropped a star': 1.5, 'dropped one star': 1.5, 'docked a star': 1.5, 'docked one star': 1.5,
  'took a star off': 1.5, 'took one star off': 1.5, 'took off a star': 1.5, 'took off one star': 1.5,
  'minus a star': 1.5, 'minus one star': 1.5, 'minus 1 star': 1.5, 'lost a star': 1.5, 'loses a star': 1.5,
  'loses one star': 1.5, 'lost one star': 1.5,
};
