/** Macro-averaged F1 over the classes that occur in the truth. */
export function macroF1(pairs: readonly { truth: string; predicted: string }[]): number {
  const classes = [...new Set(pairs.map((p) => p.truth))];
  if (classes.length === 0) return 0;
  let sum = 0;
  for (const c of classes) {
    const tp = pairs.filter((p) => p.truth === c && p.predicted === c).length;
    const fp = pairs.filter((p) => p.truth !== c && p.predicted === c).length;
    const fn = pairs.filter((p) => p.truth === c && p.predicted !== c).length;
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / classes.length;
}
