import { Parser } from 'htmlparser2';

// Tags that sit inside a line of text; every other tag separates words.
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);

/**
 * The readable text of an HTML fragment or page: entities decoded, scripts and styles dropped,
 * block boundaries turned into spaces, whitespace collapsed. htmlparser2's tokenizer is linear
 * in the input, so hostile markup cannot make it slow.
 */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (INVISIBLE.has(name)) hidden++;
        else if (!INLINE.has(name)) parts.push(' ');
      },
      onclosetag(name) {
        if (INVISIBLE.has(name)) hidden = Math.max(0, hidden - 1);
        else if (!INLINE.has(name)) parts.push(' ');
      },
      ontext(text) {
        if (hidden === 0) parts.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('').replace(/\s+/g, ' ').trim();
}
