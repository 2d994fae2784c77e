import { readFileSync } from 'node:fs';
import { decodeBody } from './decode.js';
import { connectorKinds, getConnector } from './index.js';
import type { RawItem } from './types.js';

export class ParseUsageError extends Error {}

/**
 * Runs one connector's parser on a saved response, for people debugging a source: the same
 * parser fetch uses, on bytes decoded the same way. Options default to the connector's example.
 */
export function parseSavedResponse(kind: string, file: string, configJson?: string): RawItem[] {
  const connector = getConnector(kind);
  if (!connector) throw new ParseUsageError(`unknown source kind '${kind}' (known: ${connectorKinds().join(', ')})`);
  let options: unknown = connector.example;
  if (configJson !== undefined) {
    try {
      // Given options override the example's; a null removes an example key (e.g. videoId when
      // parsing a channel's comments).
      const given = JSON.parse(configJson) as Record<string, unknown>;
      const merged: Record<string, unknown> = { ...(connector.example as object), ...given };
      for (const [key, value] of Object.entries(given)) if (value === null) delete merged[key];
      options = merged;
    } catch (error) {
      throw new ParseUsageError(`--config: not JSON (${(error as Error).message})`);
    }
  }
  const config = connector.configSchema.safeParse(options);
  if (!config.success) {
    const problems = config.error.issues.map((i) => `--config ${i.path.join('.') || '(options)'}: ${i.message}`);
    throw new ParseUsageError(problems.join('\n'));
  }
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch (error) {
    throw new ParseUsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  return connector.parse(decodeBody(body), config.data);
}

/** One NDJSON line per item: the normalized fields first, dates as ISO-8601. */
export function itemToJson(item: RawItem): Record<string, unknown> {
  return {
    externalId: item.externalId,
    url: item.url ?? null,
    author: item.author ?? null,
    title: item.title ?? null,
    text: item.text,
    publishedAt: item.publishedAt == null ? null : new Date(item.publishedAt).toISOString(),
    rating: item.rating ?? null,
    langHint: item.langHint ?? null,
    ...(item.metadata && Object.keys(item.metadata).length ? { metadata: item.metadata } : {}),
  };
}
