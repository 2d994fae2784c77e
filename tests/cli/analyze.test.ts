import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, REPO } from '../helpers/cli.js';

function analyze(input: string, args: string[] = []) {
  const result = spawnSync(process.execPath, [BIN, 'analyze', ...args], { cwd: REPO, input, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, lines: result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>) };
}

describe('earshot analyze', () => {
  it('answers each line with language, sentiment, label, topics and sentences', () => {
    const { status, lines } = analyze('The crew was lovely. But my bag was lost.\n{"text":"Le vol était parfait","lang":"fr"}\n');
    expect(status).toBe(0);
    expect(lines).toHaveLength(2);
    const [english, french] = lines;
    expect(english).toMatchObject({ lang: 'en' });
    expect(Object.keys(english!)).toEqual(expect.arrayContaining(['lang', 'sentiment', 'label', 'topics', 'sentences']));
    expect(english!.sentences.map((s: { text: string }) => s.text)).toEqual(['The crew was lovely.', 'But my bag was lost.']);
    expect(english!.topics.find((t: { id: string }) => t.id === 'baggage')).toMatchObject({ terms: ['bag'], label: 'negative' });
    expect(french).toMatchObject({ lang: 'fr' });
  });

  it('uses the built-in topics when given a config without topics, and reports bad JSON lines', () => {
    const { status, lines } = analyze('my parcel never arrived\n{"text": 3}\n', ['--config', '/dev/null']);
    expect(status).toBe(1);
    expect(lines[0]!.topics.map((t: { id: string }) => t.id)).toEqual(['delivery', 'delivery-delay']);
    expect(lines[1]).toEqual({ line: 2, error: 'no "text" field' });
  });

  it("keeps a review's stars beside its text sentiment and says where they disagree", () => {
    const input = [
      JSON.stringify({ text: 'Stopped working after a week, waste of money.', rating: 5 }),
      JSON.stringify({ text: 'Works great, love it!', rating: 5 }),
      JSON.stringify({ text: 'Works great, love it!', rating: 'five' }),
    ].join('\n');
    const { status, lines } = analyze(`${input}\n`);
    expect(status).toBe(1);
    expect(lines[0]).toMatchObject({ rating: 5, label: 'negative', ratingAgreement: 'disagree' });
    expect(lines[1]).toMatchObject({ rating: 5, label: 'positive', ratingAgreement: 'agree' });
    expect(lines[2]).toEqual({ line: 3, error: '"rating" must be a number of stars from 0 to 5, got "five"' });
  });

  it('takes --lang as the language of lines that name none, and refuses a value that is no language code', () => {
    // Two words that detection alone reads as Italian: no sentiment. The user knows the file is German.
    expect(analyze('Prima Teil\n').lines[0]).toMatchObject({ lang: 'it', label: null });
    const { status, lines } = analyze('Prima Teil\n{"text":"Works great","lang":"en"}\n', ['--lang', 'de']);
    expect(status).toBe(0);
    expect(lines[0]).toMatchObject({ lang: 'de', label: 'positive' });
    expect(lines[1]).toMatchObject({ lang: 'en', label: 'positive' });
    const bad = spawnSync(process.execPath, [BIN, 'analyze', '--lang', 'German'], { cwd: REPO, input: 'x\n', encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--lang must be a language code such as de or pt-BR, got "German"');
  });
});
