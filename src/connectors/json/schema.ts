import { z } from 'zod';
import { parsePath } from './path.js';

const path = z
  .string()
  .trim()
  .min(1, 'a path such as id, data.items, tags[0] or $ for the whole body')
  .refine((p) => parsePath(p) !== null, 'not a path: use dots and [index], e.g. snippet.topLevelComment.id or tags[0]');

const PLACEHOLDER = /\{([^{}]+)\}/g;

const fields = z
  .strictObject({
    id: path,
    /** One path, or several joined with a blank line (e.g. [title, body]). */
    text: z.union([path, z.array(path).min(1, 'at least one text path')]),
    title: path.optional(),
    author: path.optional(),
    date: path,
    /** A URL in the item, absolute or relative to the API URL. */
    url: path.optional(),
    /** Or a URL built from item paths: `https://forum.example/p/{id}`. */
    urlTemplate: z
      .string()
      .regex(/^https?:\/\//, 'an http(s) URL with {path} placeholders, e.g. https://forum.example/p/{id}')
      .refine((t) => [...t.matchAll(PLACEHOLDER)].every((m) => parsePath(m[1]!) !== null), 'a placeholder is not a path')
      .optional(),
    /** A 1–5 star rating; other values are left out. */
    rating: path.optional(),
    /** An ISO 639-1 (or BCP 47) language code. */
    lang: path.optional(),
  })
  .refine((f) => !(f.url && f.urlTemplate), { message: 'set url or urlTemplate, not both', path: ['urlTemplate'] });

const paging = z.union(
  [
    z.literal('none'),
    z.strictObject({ nextCursorPath: path, cursorParam: z.string().min(1) }),
    z.strictObject({ nextUrlPath: path }),
    z.strictObject({ pageParam: z.string().min(1), startPage: z.int().min(0).default(1) }),
  ],
  {
    error:
      'paging is "none", { nextCursorPath, cursorParam }, { nextUrlPath } or { pageParam, startPage }',
  },
);

export const configSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  /** Request headers; values may use ${ENV_VAR}, expanded at fetch time. */
  headers: z
    .record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'a header name'), z.string())
    .optional(),
  /** Path to the array of items; `$` when the body is the array. */
  itemsPath: path,
  fields,
  /** More item paths copied into metadata under the given names. */
  metadata: z.record(z.string().min(1), path).optional(),
  /** `html` turns the text fields' markup into plain text. */
  textFormat: z.enum(['plain', 'html']).default('plain'),
  paging: paging.default('none'),
  /** Send the newest date already seen as this query parameter on later runs. */
  since: z
    .strictObject({ param: z.string().min(1), format: z.enum(['iso', 'unix', 'unix-ms']).default('iso') })
    .optional(),
  maxPages: z.int().min(1).max(100).default(5),
});
export type JsonConfig = z.output<typeof configSchema>;
