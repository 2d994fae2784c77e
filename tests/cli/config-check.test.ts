import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { earshot } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-earshot.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('earshot config check', () => {
  it('accepts the example config', () => {
    const result = earshot(['config', 'check']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/earshot\.config\.yaml: ok \(4 brands, 3 sources, 7 topics\)/);
    expect(result.status).toBe(0);
  });

  it('stops a bad config with one message per problem, exit code 2, and writes nothing', () => {
    const config = path.join(tmp.dir, 'bad.yaml');
    const db = path.join(tmp.dir, 'never', 'earshot.db');
    writeFileSync(
      config,
      'sources:\n  - { name: a, kind: rss, options: { url: "https://x.example/f" } }\n' +
        '  - { name: b, kind: rss, options: { url: "https://x.example/g" } }\n' +
        '  - { name: c, kind: rss, schedule: "at noon", options: { url: "https://x.example/h" } }\n',
    );
    for (const args of [['config', 'check'], ['serve', '--port', '0'], ['import', 'x.csv', '--source', 's']]) {
      const result = earshot(['--config', config, '--db', db, ...args]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("sources[2].schedule: not a cron expression ('at noon')");
      expect(existsSync(path.dirname(db))).toBe(false);
    }
  });

  it('says which file it cannot read', () => {
    const result = earshot(['--config', path.join(tmp.dir, 'missing.yaml'), 'config', 'check']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/missing\.yaml.*cannot read the file/s);
  });
});
