import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { configSchema, type Config } from './schema.js';

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_CONFIG_PATH = 'earshot.config.yaml';

export function resolveConfigPath(flag?: string): string {
  return flag ?? process.env.EARSHOT_CONFIG ?? DEFAULT_CONFIG_PATH;
}

/** Reads and validates the config file; throws ConfigError with one line per problem. */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [`cannot read the file: ${(error as Error).message}`]);
  }
  const result = parseConfigText(text);
  if (!result.ok) throw new ConfigError(file, result.problems);
  return result.config;
}

export function parseConfigText(text: string): ConfigResult {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((e) => `yaml: ${e.message.split('\n')[0]}`) };
  }
  const raw: unknown = doc.toJS() ?? {};
  const parsed = configSchema.safeParse(raw);
  // Entry-spanning checks run on the raw input too, so one pass reports every problem.
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((issue) => describeIssue(issue))), ...crossCheck(raw)];
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, config: withBrandIds(parsed.data) };
}

function withBrandIds(data: z.output<typeof configSchema>): Config {
  return {
    ...data,
    brands: data.brands.map((b) => ({
      ...b,
      id: b.id ?? slugify(b.name),
      products: b.products.map((p) => ({ ...p, id: p.id ?? slugify(p.name) })),
    })),
  };
}

export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'brand'
  );
}

/** `sources[2].schedule` from ['sources', 2, 'schedule']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(top level)';
}

function describeIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): string {
  return `${formatPath([...prefix, ...issue.path])}: ${issue.message}`;
}

// Checks that span entries: the ones zod cannot see one object at a time. Written against the
// raw input, skipping whatever is malformed (zod already reports that).
function crossCheck(raw: unknown): string[] {
  const problems: string[] = [];
  const list = (key: string): Record<string, unknown>[] => {
    const value = (raw as Record<string, unknown> | null)?.[key];
    return Array.isArray(value) ? value.map((v) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {})) : [];
  };
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const duplicates = (values: (string | undefined)[], path: string) => {
    const seen = new Set<string>();
    values.forEach((value, i) => {
      if (value === undefined) return;
      if (seen.has(value)) problems.push(`${path}[${i}]: '${value}' is used twice`);
      seen.add(value);
    });
  };
  duplicates(list('sources').map((s) => text(s.name)), 'sources');
  const brandList = list('brands');
  duplicates(brandList.map((b) => text(b.id) ?? (text(b.name) ? slugify(text(b.name)!) : undefined)), 'brands');
  // Product ids are one namespace across brands: the `product` filter names one.
  const seenProducts = new Map<string, string>();
  brandList.forEach((brand, b) => {
    const products = Array.isArray(brand.products) ? (brand.products as unknown[]) : [];
    products.forEach((raw, p) => {
      const product = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
      const id = text(product.id) ?? (text(product.name) ? slugify(text(product.name)!) : undefined);
      if (id === undefined) return;
      const here = `brands[${b}].products[${p}]`;
      const first = seenProducts.get(id);
      if (first) problems.push(`${here}: product id '${id}' is already used by ${first}`);
      else seenProducts.set(id, here);
    });
  });
  const topics = list('topics');
  duplicates(topics.map((t) => text(t.id)), 'topics');

  const parentOf = new Map(topics.map((t) => [text(t.id), text(t.parent)]));
  topics.forEach((topic, i) => {
    const id = text(topic.id);
    const parent = text(topic.parent);
    if (parent === undefined) return;
    if (!parentOf.has(parent)) {
      problems.push(`topics[${i}].parent: no topic with id '${parent}'`);
      return;
    }
    const seen = new Set<string | undefined>([id]);
    for (let p: string | undefined = parent; p !== undefined; p = parentOf.get(p)) {
      if (seen.has(p)) {
        problems.push(`topics[${i}].parent: '${id}' is its own ancestor (a cycle through '${p}')`);
        break;
      }
      seen.add(p);
    }
  });
  return problems;
}
