/**
 * Turns response bytes into text. Feeds in the wild lie about or omit their encoding (a Latin-1
 * feed with no declaration is common), so the order is: BOM (unambiguous, and the WHATWG
 * encoding standard lets it override the header), Content-Type charset, the document's own
 * XML declaration or HTML meta charset, then a guess: strict UTF-8, else windows-1252.
 */
import { TextDecoder } from 'node:util';

const BOMS: Array<[bytes: number[], encoding: string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

// Declarations sit at the very top; 1024 bytes is what the HTML prescan reads too.
const SNIFF_BYTES = 1024;

export function decodeBody(body: Buffer, contentType?: string): string {
  for (const [bytes, encoding] of BOMS) {
    if (bytes.every((byte, i) => body[i] === byte)) return decode(body.subarray(bytes.length), encoding);
  }
  const label = charsetFromContentType(contentType) ?? charsetFromDocument(body);
  return decode(body, label ?? 'utf-8');
}

function decode(bytes: Uint8Array, label: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    // An unknown label is no better than no label.
    decoder = new TextDecoder('utf-8', { fatal: true });
  }
  // Every Latin-1 label (latin1, iso-8859-1, ascii…) means windows-1252 in the WHATWG standard.
  if (decoder.encoding === 'windows-1252') return decodeWindows1252(bytes);
  try {
    return decoder.decode(bytes);
  } catch {
    // Invalid UTF-8 is nearly always Latin-1/windows-1252 text labelled or assumed UTF-8, and
    // windows-1252 maps every byte. Any other charset keeps its label; bad bytes become U+FFFD.
    if (decoder.encoding === 'utf-8') return decodeWindows1252(bytes);
    return new TextDecoder(decoder.encoding).decode(bytes);
  }
}

// windows-1252 is Latin-1 except for 0x80–0x9F. Decoded here because Node 20.18.3+ decodes
// that range as Latin-1 control characters (nodejs/node#56542, #60888): "“hi”" came out "\x93hi\x94".
// Table from the WHATWG index-windows-1252; the five unassigned bytes keep their Latin-1 value.
const CP1252_80_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_80_9F[c.charCodeAt(0) - 0x80]!));
}

function charsetFromContentType(contentType: string | undefined): string | null {
  const match = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType) : null;
  return match?.[1]?.toLowerCase() ?? null;
}

function charsetFromDocument(body: Buffer): string | null {
  // Latin-1 maps bytes 1:1, so ASCII declarations read correctly whatever the real encoding.
  const head = body.subarray(0, SNIFF_BYTES).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head);
  return meta?.[1]?.toLowerCase() ?? null;
}
