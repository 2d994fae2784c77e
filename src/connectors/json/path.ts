/**
 * Minimal JSON paths for the generic connector: `data.items`, `tags[0]`, `$.a.b`, `a["odd.key"]`.
 * No wildcards, filters or scripts — a path names one value, so a config stays predictable and
 * safe to take from a user. (jsonpath-plus or dot-prop would be the libraries to reach for if
 * paths ever need more; neither is installed.)
 */
export type PathSegment = string | number;

// A name (after a dot, or first), an index, or a quoted key in brackets.
const TOKEN = /(\.)?([^.[\]"']+)|\[(\d+)\]|\[(?:"([^"]*)"|'([^']*)')\]/y;

/** The segments of a path, [] for the root (`$` or ''), or null when the path is malformed. */
export function parsePath(path: string): PathSegment[] | null {
  let rest = path.trim();
  if (rest.startsWith('$')) rest = rest.slice(1);
  const segments: PathSegment[] = [];
  let pos = 0;
  while (pos < rest.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(rest);
    if (!m) return null;
    const [, dot, name, index, dq, sq] = m;
    if (name !== undefined) {
      // `a[0]b` is a typo, not a path: a bare name must start the path or follow a dot.
      if (pos > 0 && !dot) return null;
      if (pos === 0 && dot && !path.trim().startsWith('$')) return null;
      segments.push(name.trim());
    } else if (index !== undefined) {
      segments.push(Number(index));
    } else {
      segments.push(dq ?? sq ?? '');
    }
    pos = TOKEN.lastIndex;
  }
  return segments;
}

/** The value at `segments`, or undefined. Only own properties, so `constructor` finds nothing. */
export function getPath(value: unknown, segments: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
      if (!Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/** parsePath + getPath for a path already validated by the config schema. */
export function valueAt(value: unknown, path: string): unknown {
  const segments = parsePath(path);
  return segments === null ? undefined : getPath(value, segments);
}
