import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath, parseConfigText } from '../../src/config/load.js';

function problemsOf(yaml: string): string[] {
  const result = parseConfigText(yaml);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.problems;
}

describe('config validation', () => {
  it('accepts the committed example config', () => {
    const result = parseConfigText(readFileSync('earshot.config.yaml', 'utf8'));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.config.sources.map((s) => s.name)).toContain('news-american-airlines');
      expect(result.config.brands.find((b) => b.id === 'united')?.competitor).toBe(true);
    }
  });

  it('names every problem by its path, one message each', () => {
    const problems = problemsOf(`
sources:
  - name: good
    kind: rss
    options: { url: "https://example.com/feed.xml" }
  - name: bad-kind
    kind: carrier-pigeon
  - name: bad-cron
    kind: rss
    options: { url: "https://example.com/a.xml" }
    schedule: "every five minutes"
  - name: bad-url
    kind: rss
    options: { url: "not a url" }
brands:
  - name: Acme
    include: []
topics:
  - id: child
    name: Child
    parent: missing
`);
    expect(problems.find((p) => p.startsWith('sources[1].kind:'))).toMatch(/^sources\[1\]\.kind: unknown source kind 'carrier-pigeon' \(known: .*\brss\b.*\)$/);
    expect(problems).toContain("sources[2].schedule: not a cron expression ('every five minutes')");
    expect(problems.some((p) => p.startsWith('sources[3].options.url:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('brands[0].include:'))).toBe(true);
    expect(problems).toContain("topics[0].parent: no topic with id 'missing'");
    expect(problems).toHaveLength(5);
  });

  it('reports cross-entry problems once structure is right', () => {
    const problems = problemsOf(`
sources:
  - { name: twin, kind: rss, options: { url: "https://a.example/f" } }
  - { name: twin, kind: rss, options: { url: "https://b.example/f" } }
topics:
  - { id: a, name: A, parent: b }
  - { id: b, name: B, parent: a }
  - { id: c, name: C, parent: nowhere }
`);
    expect(problems).toContain("sources[1]: 'twin' is used twice");
    expect(problems).toContain("topics[2].parent: no topic with id 'nowhere'");
    expect(problems.filter((p) => p.includes('its own ancestor'))).toHaveLength(2);
  });

  it('rejects unknown keys and YAML syntax errors with a reason', () => {
    expect(problemsOf('sorces: []')[0]).toMatch(/sorces/);
    expect(problemsOf('sources: [\n  - name: x')[0]).toMatch(/^yaml: /);
  });

  it('formats paths the way users read them', () => {
    expect(formatPath(['sources', 2, 'schedule'])).toBe('sources[2].schedule');
    expect(formatPath([])).toBe('(top level)');
  });
});
