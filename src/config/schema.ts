import { z } from 'zod';
import { validate as isCron } from 'node-cron';
import { connectorKinds, getConnector } from '../connectors/index.js';
import { DEFAULT_TOPICS } from './default-topics.js';
import { DEFAULT_DELIVERY, deliverySchema } from './delivery.js';

const term = z.string().trim().min(1, 'must not be empty');
const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _ (e.g. "acme-news")');

export const brandSchema = z.strictObject({
  id: slug.optional(),
  name: z.string().trim().min(1),
  competitor: z.boolean().default(false),
  /** Any of these names the brand (case- and plural-insensitive; @handles and #tags match too). */
  include: z.array(term).min(1, 'a brand needs at least one term that names it'),
  /** A mention that also contains one of these is not about the brand ("united nations"). */
  exclude: z.array(term).default([]),
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

export const topicSchema = z.strictObject({
  id: slug,
  name: z.string().trim().min(1),
  parent: slug.optional(),
  terms: z.array(term).default([]),
  phrases: z.array(term).default([]),
  exclude: z.array(term).default([]),
});

export const configSchema = z.strictObject({
  brands: z.array(brandSchema).default([]),
  sources: z.array(sourceSchema).default([]),
  /** Absent: the built-in customer-feedback taxonomy. `[]`: no topics. */
  topics: z.array(topicSchema).default(() => DEFAULT_TOPICS.map((t) => ({ ...t }))),
  /** Alert delivery: SMTP, the SSRF allow list, retries and caps (src/config/delivery.ts). */
  delivery: deliverySchema.default(() => ({ ...DEFAULT_DELIVERY })),
});

export type BrandConfig = z.output<typeof brandSchema> & { id: string };
export type SourceConfig = z.output<typeof sourceSchema>;
export type TopicConfig = z.output<typeof topicSchema>;
export type Config = Omit<z.output<typeof configSchema>, 'brands'> & { brands: BrandConfig[] };
