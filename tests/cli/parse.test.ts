import { describe, expect, it } from 'vitest';
import { earshot } from '../helpers/cli.js';
import { HAS_SHARED, sharedMissingNote, sharedPath } from '../helpers/shared.js';

const lines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('earshot parse', () => {
  it("prints a saved response's items as NDJSON with the normalized fields", () => {
    const result = earshot(['parse', 'rss', 'tests/fixtures/rss/rss2-html.xml', '--config', '{"url":"https://blog.example.test/feed.xml"}']);
    expect(result.status).toBe(0);
    const items = lines(result.stdout);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      externalId: 'acme-post-42',
      title: 'Price change & what it means',
      author: 'Acme Team',
      publishedAt: '2024-03-05T14:30:00.000Z',
      rating: null,
    });
    expect(Object.keys(items[0]!).slice(0, 7)).toEqual(['externalId', 'url', 'author', 'title', 'text', 'publishedAt', 'rating']);
  });

  it('says PARSE with a reason and exits 1 on a page that is not what the endpoint returns', () => {
    const result = earshot(['parse', 'rss', 'tests/fixtures/rss/html-page.html']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^earshot: PARSE: /);
  });

  it('exits 2 naming an unknown kind, bad JSON or a bad option', () => {
    expect(earshot(['parse', 'fax', 'x']).stderr).toMatch(/unknown source kind 'fax' \(known: .*rss/);
    const badJson = earshot(['parse', 'rss', 'x', '--config', '{url:']);
    expect(badJson.status).toBe(2);
    expect(badJson.stderr).toMatch(/--config: not JSON/);
    expect(earshot(['parse', 'rss', 'x', '--config', '{"url":"nope"}']).stderr).toMatch(/--config url: /);
  });

  it.skipIf(!HAS_SHARED)('decodes a Latin-1 feed without a declaration into readable text', () => {
    sharedMissingNote('the UOL feed parse check');
    const result = earshot(['parse', 'rss', sharedPath('fixtures/rss/uolNoticias.rss')]);
    const items = lines(result.stdout);
    expect(items[0]!.title).toBe('Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno');
    expect(result.stdout).not.toContain('\uFFFD');
  });
});
