/**
 * Pattern entities wink's tokenizer already recognises: hashtags, @handles, links and e-mail
 * addresses. (Brands and competitors come from the configured terms, see taxonomy.ts.)
 */
export interface Entities {
  hashtags: string[];
  mentions: string[];
  urls: string[];
  emails: string[];
}

export function collectEntities(normals: readonly string[], types: readonly string[], values: () => readonly string[]): Entities {
  const found: Entities = { hashtags: [], mentions: [], urls: [], emails: [] };
  let raw: readonly string[] | null = null;
  for (let i = 0; i < types.length; i++) {
    const type = types[i];
    if (type === 'hashtag') push(found.hashtags, normals[i]!);
    else if (type === 'mention') push(found.mentions, normals[i]!);
    else if (type === 'url' || type === 'email') {
      // Links keep their case: paths are case-sensitive.
      raw ??= values();
      push(type === 'url' ? found.urls : found.emails, raw[i]!);
    }
  }
  return found;
}

function push(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

export function hasEntities(e: Entities): boolean {
  return e.hashtags.length + e.mentions.length + e.urls.length + e.emails.length > 0;
}
