/**
 * Visible text of a saved HTML page, without a browser: good enough to measure the matcher on
 * real pages from the command line. Drops what a reader never sees (head, script, style,
 * noscript, template, comments), turns block boundaries into line breaks so words from
 * neighbouring blocks are not glued together, and decodes character references.
 */

const INVISIBLE = ['head', 'script', 'style', 'noscript', 'template', 'iframe', 'object'];

/** Elements that start a new line when rendered (so their text never joins a neighbour's). */
const BLOCK =
  /^(address|article|aside|blockquote|br|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul|option|button|label|title|caption|summary|details)$/i;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019',
  ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb', copy: '\u00a9',
  reg: '\u00ae', trade: '\u2122', middot: '\u00b7', bull: '\u2022', times: '\u00d7',
  eacute: '\u00e9', egrave: '\u00e8', ecirc: '\u00ea', aacute: '\u00e1', agrave: '\u00e0',
  acirc: '\u00e2', auml: '\u00e4', ouml: '\u00f6', uuml: '\u00fc', oacute: '\u00f3',
  iacute: '\u00ed', uacute: '\u00fa', ntilde: '\u00f1', ccedil: '\u00e7', szlig: '\u00df',
  euro: '\u20ac', pound: '\u00a3', deg: '\u00b0', zwj: '\u200d', zwnj: '\u200c',
  thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', iexcl: '\u00a1', iquest: '\u00bf',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Out-of-range or surrogate code points are not text a page can show.
      if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Removes every `<name …>…</name>` element of the given names (not nested in themselves). */
function dropElements(html: string, names: readonly string[]): string {
  let out = html;
  for (const name of names) {
    out = out.replace(new RegExp(`<${name}\\b[\\s\\S]*?</${name}\\s*>`, 'gi'), ' ');
  }
  return out;
}

export function visibleText(html: string): string {
  let s = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ' ');
  s = dropElements(s, INVISIBLE);
  // Elements marked hidden are not rendered either (attribute `hidden`, or aria-hidden on
  // decoration); only the simple, self-contained case is removed: no nesting of the same tag.
  s = s.replace(/<([a-z][a-z0-9]*)\b[^>]*\shidden(?:\s|=|>)[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ');
  s = s.replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g, (_tag, name: string) => (BLOCK.test(name) ? '\n' : ''));
  s = s.replace(/<![^>]*>/g, ''); // doctype and other declarations
  s = decodeEntities(s);
  return s
    .replace(/[ \t\f\r\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}
