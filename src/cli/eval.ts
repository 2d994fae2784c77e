import { openDb, resolveDbPath } from '../db/client.js';
import { globals, storeCommand } from './program.js';

export function registerEval(): void {
  storeCommand('eval')
    .description("compare the machine's sentiment and topics with analysts' corrections, per language")
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      const { evaluateAgainstLabels } = await import('../analytics/label-eval.js');
      const store = openDb(resolveDbPath(globals().db));
      try {
        const rows = evaluateAgainstLabels(store.sqlite);
        if (options.json) return void console.log(JSON.stringify(rows));
        if (rows.length === 0) return void console.log('no corrections yet: PUT /api/v1/mentions/{id}/labels stores them');
        const cell = (v: number | null) => (v === null ? '–' : v.toFixed(3));
        console.log('| lang | sentiment labels | accuracy | macro-F1 | topic labels | topic precision | topic recall |');
        console.log('|---|---|---|---|---|---|---|');
        for (const r of rows) {
          console.log(`| ${r.lang} | ${r.sentimentLabelled} | ${cell(r.sentimentAccuracy)} | ${cell(r.sentimentMacroF1)} | ${r.topicsLabelled} | ${cell(r.topicPrecision)} | ${cell(r.topicRecall)} |`);
        }
      } finally {
        store.close();
      }
    });
}
