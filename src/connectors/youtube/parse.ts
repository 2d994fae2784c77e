// The pure commentThreads parser, shared by fetch and `earshot parse`; index.ts says what the fields mean.
import { parseDate } from '../../util/dates.js';
import { ConnectorError } from '../errors.js';
import { htmlToText } from '../html-text.js';
import type { RawItem } from '../types.js';

export type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
export const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

export interface YoutubePage {
  /** Threads, each followed by its embedded replies when includeReplies is on. */
  items: RawItem[];
  next: string | null;
}

/** One commentThreads response into items. Throws PARSE when it is not such a response. */
export function parseCommentThreads(body: string, config: { includeReplies: boolean }): YoutubePage {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new ConnectorError('PARSE', 'commentThreads response is not JSON');
  }
  if (!isObject(data) || !Array.isArray(data.items)) {
    throw new ConnectorError('PARSE', 'commentThreads response has no "items" array');
  }
  if (data.kind !== undefined && data.kind !== 'youtube#commentThreadListResponse') {
    throw new ConnectorError('PARSE', `expected a commentThreadListResponse, got ${String(data.kind).slice(0, 60)}`);
  }
  const items: RawItem[] = [];
  let threads = 0;
  for (const thread of data.items) {
    const top = threadItem(thread);
    if (!top) continue;
    threads++;
    items.push(top);
    if (config.includeReplies) items.push(...replyItems(thread, top));
  }
  if (threads === 0 && data.items.length > 0) {
    throw new ConnectorError('PARSE', `none of the ${data.items.length} threads has a top-level comment`);
  }
  return { items, next: str(data.nextPageToken) };
}

function threadItem(thread: unknown): RawItem | null {
  if (!isObject(thread) || !isObject(thread.snippet)) return null;
  const { snippet } = thread;
  const top = isObject(snippet.topLevelComment) ? snippet.topLevelComment : null;
  const id = str(thread.id) ?? str(top?.id);
  // Only the response's own videoId: a channel-discussion comment has none and gets no URL.
  const comment = commentFields(top, str(snippet.videoId));
  if (!id || !comment) return null;
  const metadata = { ...comment.metadata } as Json;
  if (typeof snippet.totalReplyCount === 'number') metadata.replies = snippet.totalReplyCount;
  const channelId = str(snippet.channelId);
  if (channelId) metadata.channelId = channelId;
  return { ...comment.item, externalId: id, url: comment.url(id), metadata };
}

function replyItems(thread: unknown, top: RawItem): RawItem[] {
  if (!isObject(thread) || !isObject(thread.replies) || !Array.isArray(thread.replies.comments)) return [];
  const videoId = typeof top.metadata?.videoId === 'string' ? top.metadata.videoId : null;
  const replies: RawItem[] = [];
  for (const reply of thread.replies.comments) {
    const id = isObject(reply) ? str(reply.id) : null;
    const comment = commentFields(reply, videoId);
    if (!id || !comment) continue;
    const parent = isObject(reply) && isObject(reply.snippet) ? str(reply.snippet.parentId) : null;
    const metadata = { ...comment.metadata, replyTo: parent ?? top.externalId };
    replies.push({ ...comment.item, externalId: id, url: comment.url(id), metadata });
  }
  return replies;
}

/** What a top-level comment and a reply share: the `youtube#comment` resource's snippet. */
function commentFields(comment: unknown, fallbackVideoId: string | null) {
  if (!isObject(comment) || !isObject(comment.snippet)) return null;
  const s = comment.snippet;
  // textOriginal is the author's plain text; textDisplay is HTML unless textFormat=plainText.
  const display = typeof s.textDisplay === 'string' ? htmlToText(s.textDisplay) : null;
  const text = typeof s.textOriginal === 'string' ? s.textOriginal : display;
  if (text === null) return null;
  const videoId = str(s.videoId) ?? fallbackVideoId;
  const metadata: Json = {};
  if (typeof s.likeCount === 'number') metadata.likes = s.likeCount;
  if (videoId) metadata.videoId = videoId;
  const authorChannel = isObject(s.authorChannelId) ? str(s.authorChannelId.value) : null;
  if (authorChannel) metadata.authorChannelId = authorChannel;
  const updatedAt = str(s.updatedAt);
  if (updatedAt && updatedAt !== s.publishedAt) metadata.updatedAt = updatedAt;
  const item: Omit<RawItem, 'externalId'> = {
    author: str(s.authorDisplayName),
    title: null,
    text: text.trim(),
    publishedAt: parseDate(s.publishedAt),
  };
  const url = (id: string) => (videoId ? `https://www.youtube.com/watch?v=${videoId}&lc=${encodeURIComponent(id)}` : null);
  return { item, metadata, url };
}
