// Packages the benchmarks use that ship no types; each benchmark reads only what it types there.
declare module 'sentiment';
declare module 'vader-sentiment';
// autocannon ships no types; bench/api.ts reads only what it uses.
declare module 'autocannon';
