// The pure searchPosts parser, shared by fetch and `earshot parse`; index.ts says what the fields mean.
import { parseDate } from '../../util/dates.js';
import { ConnectorError } from '../errors.js';
import type { RawItem } from '../types.js';

export interface BlueskyPage {
  items: RawItem[];
  /** The API's cursor for the next (older) page; null on the last page. */
  next: string | null;
}

export type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** One searchPosts response body into items. Throws PARSE when it is not such a response. */
export function parseSearchPage(body: string): BlueskyPage {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new ConnectorError('PARSE', 'searchPosts response is not JSON');
  }
  if (!isObject(data) || !Array.isArray(data.posts)) {
    throw new ConnectorError('PARSE', 'searchPosts response has no "posts" array');
  }
  const items = data.posts.map(toRawItem).filter((item) => item !== null);
  if (items.length === 0 && data.posts.length > 0) {
    throw new ConnectorError('PARSE', `none of the ${data.posts.length} posts has a uri and a record`);
  }
  return { items, next: str(data.cursor) };
}

function toRawItem(post: unknown): RawItem | null {
  if (!isObject(post) || !isObject(post.record) || !isObject(post.author)) return null;
  const uri = str(post.uri);
  if (!uri) return null;
  const { record, author } = post;
  const handle = str(author.handle);
  const did = str(author.did);
  const rkey = uri.split('/').pop();
  // 'handle.invalid' is what the AppView shows for a handle that no longer verifies; the DID works.
  const profile = handle && handle !== 'handle.invalid' ? handle : did;
  const reply = isObject(record.reply) && isObject(record.reply.parent) ? str(record.reply.parent.uri) : null;
  const langs = Array.isArray(record.langs) ? record.langs.filter((l): l is string => typeof l === 'string') : [];

  const metadata: Json = {};
  const counts = { likes: post.likeCount, reposts: post.repostCount, replies: post.replyCount, quotes: post.quoteCount };
  for (const [key, value] of Object.entries(counts)) if (num(value) !== null) metadata[key] = value;
  if (reply) metadata.replyTo = reply;
  if (did) metadata.authorDid = did;
  if (str(post.indexedAt)) metadata.indexedAt = post.indexedAt;
  const displayName = str(author.displayName)?.trim();
  if (displayName) metadata.displayName = displayName;
  if (langs.length > 1) metadata.langs = langs;
  const { links, tags } = facets(record);
  if (links.length > 0) metadata.links = links;
  if (tags.length > 0) metadata.tags = tags;

  return {
    externalId: uri,
    url: profile && rkey ? `https://bsky.app/profile/${profile}/post/${rkey}` : null,
    author: handle,
    title: null,
    text: typeof record.text === 'string' ? record.text : '',
    publishedAt: parseDate(record.createdAt) ?? parseDate(post.indexedAt),
    langHint: languageCode(langs[0]),
    metadata,
  };
}

/** Link and hashtag targets: the text may show a link shortened, the facet holds it whole. */
function facets(record: Json): { links: string[]; tags: string[] } {
  const links = new Set<string>();
  const tags = new Set<string>();
  for (const facet of Array.isArray(record.facets) ? record.facets : []) {
    for (const feature of isObject(facet) && Array.isArray(facet.features) ? facet.features : []) {
      if (!isObject(feature)) continue;
      const uri = feature.$type === 'app.bsky.richtext.facet#link' ? str(feature.uri) : null;
      const tag = feature.$type === 'app.bsky.richtext.facet#tag' ? str(feature.tag) : null;
      if (uri) links.add(uri);
      if (tag) tags.add(tag);
    }
  }
  const external = isObject(record.embed) && isObject(record.embed.external) ? str(record.embed.external.uri) : null;
  if (external) links.add(external);
  return { links: [...links], tags: [...tags] };
}

function languageCode(tag: string | undefined): string | null {
  const match = tag ? /^([a-z]{2})(?:$|-)/i.exec(tag) : null;
  return match?.[1]?.toLowerCase() ?? null;
}
