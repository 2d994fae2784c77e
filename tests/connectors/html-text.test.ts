import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/connectors/html-text.js';

describe('htmlToText', () => {
  it('strips markup without gluing words or keeping scripts', () => {
    expect(htmlToText('<p>one</p><p>two<br/>three</p><script>x()</script><b>Ear</b>shot a < b')).toBe('one two three Earshot a < b');
  });

  it('decodes entities and drops styles, comments and heads', () => {
    expect(htmlToText('<head><title>t</title></head><style>p{}</style><!-- c --><p>Caf&eacute; &amp; bar&nbsp;&#8212; ok</p>')).toBe('Café & bar — ok');
  });

  it('reads unclosed and malformed markup without leaking tags', () => {
    expect(htmlToText('<p>kept <a href="x>y">link</a></p><script>never shown')).toBe('kept link');
    expect(htmlToText('<div class="a>b">text</div')).toBe('text');
  });
});
