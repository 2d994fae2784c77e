import type Database from 'better-sqlite3';

const HOUR_MS = 3_600_000;
const ALL = '*';

/**
 * Emerging-term counts as mentions are stored: each original voice adds one to every term it
 * has, per hour, under brand '*' and under each of its brands. Summed per batch first (a batch
 * lands in few hours), then one upsert per (brand, hour, term).
 */
export function createTermCounter(sqlite: Database.Database) {
  const findTerm = sqlite.prepare<[string], { id: number }>('SELECT id FROM terms WHERE term = ?');
  const addTerm = sqlite.prepare<[string], { id: number }>('INSERT INTO terms (term) VALUES (?) RETURNING id');
  const bump = sqlite.prepare(
    `INSERT INTO term_counts (brand, bucket, term_id, count) VALUES (?, ?, ?, ?)
     ON CONFLICT (brand, bucket, term_id) DO UPDATE SET count = count + excluded.count`,
  );
  const ids = new Map<string, number>();
  const idOf = (term: string): number => {
    let id = ids.get(term);
    if (id === undefined) {
      id = (findTerm.get(term) ?? addTerm.get(term)!).id;
      if (ids.size > 200_000) ids.clear();
      ids.set(term, id);
    }
    return id;
  };

  return {
    /** A batch: add mentions with `add`, write the sums with `flush` (inside the batch's transaction). */
    batch() {
      const sums = new Map<string, { brand: string; bucket: number; term: number; count: number }>();
      return {
        add(m: { publishedAt: number; brands: readonly string[]; terms: readonly string[] }): void {
          const bucket = Math.floor(m.publishedAt / HOUR_MS) * HOUR_MS;
          for (const term of m.terms) {
            const termId = idOf(term);
            for (const brand of [ALL, ...m.brands]) {
              const key = `${brand}\u0000${bucket}\u0000${termId}`;
              const entry = sums.get(key);
              if (entry) entry.count++;
              else sums.set(key, { brand, bucket, term: termId, count: 1 });
            }
          }
        },
        flush(): void {
          for (const s of sums.values()) bump.run(s.brand, s.bucket, s.term, s.count);
          sums.clear();
        },
      };
    },
  };
}

/**
 * term_counts recounted from the mentions' stored terms for whole hours in a range (or all), as
 * the counter counts them. Statements to run in one transaction.
 */
export function rebuildTermCountsSql(range?: { from: number; to: number }): string[] {
  const from = range ? Math.floor(range.from / HOUR_MS) * HOUR_MS : null;
  const to = range ? Math.ceil(range.to / HOUR_MS) * HOUR_MS : null;
  const bucketWhere = from === null ? '' : ` WHERE bucket >= ${from} AND bucket < ${to}`;
  const mentionWhere = from === null ? '' : ` AND m.published_at >= ${from} AND m.published_at < ${to}`;
  return [
    `INSERT OR IGNORE INTO terms (term)
     SELECT DISTINCT j.value FROM mentions m, json_each(m.terms) j WHERE m.terms IS NOT NULL${mentionWhere}`,
    `DELETE FROM term_counts${bucketWhere}`,
    ...[
      [`'${ALL}'`, ''],
      ['mb.brand_id', ' JOIN mention_brands mb ON mb.mention_id = m.id'],
    ].map(
      ([brand, join]) => `INSERT INTO term_counts (brand, bucket, term_id, count)
     SELECT ${brand}, (m.published_at / ${HOUR_MS}) * ${HOUR_MS}, t.id, count(*)
     FROM mentions m${join} JOIN json_each(m.terms) j JOIN terms t ON t.term = j.value
     WHERE m.duplicate_of IS NULL AND m.terms IS NOT NULL${mentionWhere}
     GROUP BY 1, 2, 3`,
    ),
  ];
}
