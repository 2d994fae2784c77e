import type { Connector } from './types.js';
import { appstore } from './appstore.js';
import { bluesky } from './bluesky/index.js';
import { googlePlay } from './google-play.js';
import { hackernews } from './hackernews.js';
import { html } from './html/index.js';
import { json } from './json/index.js';
import { mastodon } from './mastodon.js';
import { reddit } from './reddit.js';
import { rss } from './rss.js';
import { trustpilot } from './trustpilot/index.js';
import { youtube } from './youtube/index.js';

/**
 * Every connector Earshot can run, by kind. Adding a source means one file in this folder and
 * one line here; the contract test fails when a connector file is missing from this list.
 */
export const connectors: Readonly<Record<string, Connector<any>>> = {
  [appstore.name]: appstore,
  [bluesky.name]: bluesky,
  [googlePlay.name]: googlePlay,
  [hackernews.name]: hackernews,
  [html.name]: html,
  [json.name]: json,
  [mastodon.name]: mastodon,
  [reddit.name]: reddit,
  [rss.name]: rss,
  [trustpilot.name]: trustpilot,
  [youtube.name]: youtube,
};

/** Sources created by `earshot import` carry this kind; they have no connector and no schedule. */
export const IMPORT_KIND = 'import';

export function getConnector(kind: string): Connector<any> | undefined {
  return Object.hasOwn(connectors, kind) ? connectors[kind] : undefined;
}

export function connectorKinds(): string[] {
  return Object.keys(connectors).sort();
}
