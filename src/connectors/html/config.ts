/**
 * Options of the generic HTML connector. Selectors are checked here with the same engine that
 * runs them (cheerio/css-select), so a typo fails `earshot config check` naming the field instead
 * of failing every scheduled run.
 */
import { load } from 'cheerio';
import { z } from 'zod';

/** Selects the item element itself, for values that sit on the item (e.g. data-review-id). */
export const SELF = ':scope';

const probe = load('<div></div>');

function selectorProblem(selector: string): string | null {
  try {
    probe.root().find(selector);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const selector = (field: string) =>
  z
    .string({ error: `${field}: a CSS selector is required` })
    .trim()
    .min(1, `${field}: a CSS selector is required`)
    .superRefine((value, ctx) => {
      const problem = selectorProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `${field}: invalid CSS selector '${value}' (${problem})` });
    });

const attribute = (field: string) =>
  z
    .string()
    .trim()
    .regex(/^[^\s"'<>/=]+$/, `${field}: an attribute name such as href, datetime or data-rating`);

const fieldsSchema = z
  .object({
    text: selector('fields.text'),
    title: selector('fields.title').optional(),
    author: selector('fields.author').optional(),
    date: selector('fields.date').optional(),
    /** Read the date from this attribute (datetime, content, title) instead of the element text. */
    dateAttr: attribute('fields.dateAttr').optional(),
    /** A luxon format for the site's own date text, e.g. 'dd.MM.yyyy' (tried after ISO/RFC forms). */
    dateFormat: z.string().min(1).optional(),
    rating: selector('fields.rating').optional(),
    /** text: a number in the text; attr: a number in ratingAttr; count: how many elements match. */
    ratingFrom: z.enum(['text', 'attr', 'count']).optional(),
    ratingAttr: attribute('fields.ratingAttr').optional(),
    /** The site's top score (10 for "8/10"); ratings are mapped onto 1–5. */
    ratingScale: z.number().positive().max(100).optional(),
    link: selector('fields.link').optional(),
    linkAttr: attribute('fields.linkAttr').optional(),
    id: selector('fields.id').optional(),
    idAttr: attribute('fields.idAttr').optional(),
  })
  .superRefine((f, ctx) => {
    const needs = (when: unknown, field: string, message: string) => {
      if (when !== undefined) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (!f.date) needs(f.dateAttr ?? f.dateFormat, 'date', 'fields.date: a selector is needed for dateAttr/dateFormat');
    if (!f.rating) {
      needs(f.ratingFrom ?? f.ratingAttr ?? f.ratingScale, 'rating', 'fields.rating: a selector is needed for ratingFrom/ratingAttr/ratingScale');
    }
    if (f.ratingFrom === 'attr' && !f.ratingAttr) {
      ctx.addIssue({ code: 'custom', path: ['ratingAttr'], message: "fields.ratingAttr: required when ratingFrom is 'attr'" });
    }
    if (!f.link) needs(f.linkAttr, 'link', 'fields.link: a selector is needed for linkAttr');
    if (!f.id) needs(f.idAttr, 'id', 'fields.id: a selector is needed for idAttr');
  });

export const configSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'url: an http(s) URL of the page to read' }),
  /** One review or post. */
  item: selector('item'),
  fields: fieldsSchema,
  /** Elements dropped inside each item before reading it: quoted posts, signatures, "read more". */
  exclude: selector('exclude').optional(),
  /** The link to the next page (its href, or the href of an <a> inside it). */
  nextPage: selector('nextPage').optional(),
  maxPages: z.int().min(1).max(20, 'maxPages: at most 20 pages a run').default(3),
  /**
   * newest-first: review lists and topic listings, page 1 holds the latest items.
   * oldest-first: forum threads, new posts land on the last page; the cursor resumes there.
   */
  order: z.enum(['newest-first', 'oldest-first']).default('newest-first'),
  /** ISO 639-1 hint; otherwise the page's <html lang>. */
  language: z.string().toLowerCase().regex(/^[a-z]{2}$/, 'language: a two-letter ISO 639-1 code').optional(),
});

export type HtmlConfig = z.output<typeof configSchema>;
export type HtmlFields = HtmlConfig['fields'];
