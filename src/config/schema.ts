import { z } from 'zod';
import { validate as isCron } from 'node-cron';
import { connectorKinds, getConnector } from '../connectors/index.js';
import { DEFAULT_TOPICS } from './default-topics.js';
import { DEFAULT_DELIVERY, deliverySchema } from './delivery.js';
import { ruleProblem, termProblem } from '../nlp/term-syntax.js';
import { localDayZoneProblem } from '../analytics/local-days.js';

const term = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .superRefine((value, ctx) => {
    const problem = termProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _ (e.g. "acme-news")');
const handle = z.string().trim().regex(/^@[\p{L}\p{N}_.]+$/u, 'a handle starts with @, e.g. "@acme"');
/** A boolean rule; a syntax error is reported with its column at config load. */
const rule = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .superRefine((value, ctx) => {
    const problem = ruleProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const LANG_CODE = /^[a-z]{2,3}$/;

export const productSchema = z.strictObject({
  id: slug.optional(),
  name: z.string().trim().min(1),
  /** Names and aliases of the product; naming the product names its brand too. */
  include: z.array(term).default([]),
  handles: z.array(handle).default([]),
  exclude: z.array(term).default([]),
  rule: rule.optional(),
});

export const brandSchema = z
  .strictObject({
    id: slug.optional(),
    name: z.string().trim().min(1),
    competitor: z.boolean().default(false),
    /** Names and aliases of the brand (case-, accent- and plural-insensitive; #tags and @handles of the same word match too). */
    include: z.array(term).default([]),
    /** Social handles: "@acme" names the brand only when written as that handle. */
    handles: z.array(handle).default([]),
    /** A match inside one of these is not about the brand ("united nations"). */
    exclude: z.array(term).default([]),
    rule: rule.optional(),
    products: z.array(productSchema).default([]),
  })
  .superRefine((brand, ctx) => {
    if (brand.include.length + brand.handles.length === 0 && brand.rule === undefined) {
      ctx.addIssue({ code: 'custom', path: ['include'], message: 'a brand needs at least one term that names it (include, handles or rule)' });
    }
    brand.products.forEach((product, i) => {
      if (product.include.length + product.handles.length === 0 && product.rule === undefined) {
        ctx.addIssue({ code: 'custom', path: ['products', i, 'include'], message: 'a product needs at least one term that names it (include, handles or rule)' });
      }
    });
  });

export const sourceSchema = z.strictObject({
  name: slug,
  kind: z.string().min(1),
  options: z.record(z.string(), z.unknown()).default({}),
  /** Cron expression (5 or 6 fields); the connector's default when absent. */
  schedule: z.string().optional(),
  enabled: z.boolean().default(true),
}).superRefine((source, ctx) => {
  const connector = getConnector(source.kind);
  if (!connector) {
    ctx.addIssue({ code: 'custom', path: ['kind'], message: `unknown source kind '${source.kind}' (known: ${connectorKinds().join(', ')})` });
    return;
  }
  if (source.schedule !== undefined && !isCron(source.schedule)) {
    ctx.addIssue({ code: 'custom', path: ['schedule'], message: `not a cron expression ('${source.schedule}')` });
  }
  const options = connector.configSchema.safeParse(source.options);
  if (!options.success) {
    for (const issue of options.error.issues) ctx.addIssue({ code: 'custom', path: ['options', ...issue.path], message: issue.message });
  }
});

/** Terms of one language: a list, or an object with exclusions and a rule of its own. */
const languageTerms = z.preprocess(
  (value) => (Array.isArray(value) ? { terms: value } : value),
  z.strictObject({
    terms: z.array(term).default([]),
    phrases: z.array(term).default([]),
    exclude: z.array(term).default([]),
    rule: rule.optional(),
  }),
);

export const topicSchema = z.strictObject({
  id: slug,
  name: z.string().trim().min(1),
  parent: slug.optional(),
  /** Words and phrases, in any language the mention is in. */
  terms: z.array(term).default([]),
  phrases: z.array(term).default([]),
  exclude: z.array(term).default([]),
  /** A boolean rule (AND, OR, NOT, NEAR/n, parentheses, "phrases"); the topic matches when its terms or its rule do. */
  rule: rule.optional(),
  /** Terms that apply only to mentions in one language: `lang: { de: [Lieferung, Paket*] }`. */
  lang: z.record(z.string(), languageTerms).default({}),
  /** lemma: English base-form words match their inflections (default); exact: only as written. */
  match: z.enum(['lemma', 'exact']).default('lemma'),
}).superRefine((topic, ctx) => {
  for (const code of Object.keys(topic.lang)) {
    if (!LANG_CODE.test(code)) ctx.addIssue({ code: 'custom', path: ['lang', code], message: `'${code}' is not a language code: use ISO 639-1, such as de, fr or es` });
  }
});

/**
 * Trend settings. `zones`: the IANA time zones the dashboards read days, weeks and months in;
 * each gets local-day rollups (src/db/local-day-rollups.ts), so a year of its days costs what a
 * year of UTC days does. Other zones are still answered, from hours. UTC needs no entry.
 */
export const trendsSchema = z.strictObject({
  zones: z
    .array(
      z.string().trim().min(1).superRefine((zone, ctx) => {
        const problem = localDayZoneProblem(zone);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    )
    .default([])
    .superRefine((zones, ctx) => {
      zones.forEach((zone, i) => {
        if (zones.indexOf(zone) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `'${zone}' is listed twice` });
      });
    }),
});

export const configSchema = z.strictObject({
  brands: z.array(brandSchema).default([]),
  sources: z.array(sourceSchema).default([]),
  /** Absent: the built-in customer-feedback taxonomy. `[]`: no topics. */
  topics: z.array(topicSchema).default(() => DEFAULT_TOPICS.map((t) => ({ ...t }))),
  /** Alert delivery: SMTP, the SSRF allow list, retries and caps (src/config/delivery.ts). */
  delivery: deliverySchema.default(() => ({ ...DEFAULT_DELIVERY })),
  trends: trendsSchema.default(() => ({ zones: [] })),
});

export type BrandConfig = Omit<z.output<typeof brandSchema>, 'products'> & { id: string; products: ProductConfig[] };
export type SourceConfig = z.output<typeof sourceSchema>;
export type TopicConfig = z.output<typeof topicSchema>;
export type LanguageTerms = TopicConfig['lang'][string];
export type ProductConfig = z.output<typeof productSchema> & { id: string };
export type Config = Omit<z.output<typeof configSchema>, 'brands'> & { brands: BrandConfig[] };
