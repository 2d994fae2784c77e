// Every node the page builds goes through h(): children are nodes or strings, and strings
// become text nodes. Nothing here (or anywhere in the page) assigns HTML, so a mention that
// contains markup shows as the characters it is; the page's Trusted Types policy makes any
// HTML assignment throw.

/**
 * @param {string} tag
 * @param {Record<string, unknown> | null} [attrs] attributes; `on*` functions become listeners,
 *   `class`, `for`, `aria-*`, `data-*` and the rest become attributes (false/null/undefined are left out)
 * @param {...(Node | string | number | null | undefined | false | (Node | string)[])} children
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    else if (name === 'value' && 'value' in el) /** @type {HTMLInputElement} */ (el).value = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el;
}

/**
 * A link to a mention's original, only for http(s) addresses: a stored URL is untrusted too,
 * and `javascript:` or `data:` must never become clickable.
 */
export function safeHref(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A small table: `head` cells, then rows of cells (nodes or strings). */
export function table(caption, head, rows, attrs = {}) {
  return h(
    'table',
    attrs,
    caption ? h('caption', null, caption) : null,
    h('thead', null, h('tr', null, head.map((cell) => h('th', { scope: 'col' }, cell)))),
    h('tbody', null, rows.map((row) => h('tr', null, row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', null, cell)))))),
  );
}
