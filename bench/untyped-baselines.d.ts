// The baseline analyzers bench/nlp.ts compares against ship no types; it reads only what it types there.
declare module 'sentiment';
declare module 'vader-sentiment';
