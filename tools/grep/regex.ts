// Ripgrep patterns (Rust regex syntax) translated to JavaScript RegExp for the native engine.
// Covers what models write in practice: inline flags, named groups, \A/\z, POSIX classes.

export type CompiledPattern = { ok: true; line: RegExp; text: RegExp } | { ok: false; error: string };

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

function translateSyntax(pattern: string): string {
  return pattern
    .replace(/\(\?P</g, '(?<')
    .replace(/\[:(\^?)([a-z]+):\]/g, (whole, neg: string, name: string) => {
      const range = POSIX_CLASSES[name];
      // A negated POSIX class only makes sense as the whole bracket; keep anything else as written.
      return range === undefined || neg !== '' ? whole : range;
    })
    .replace(/(^|[^\\])\\A/g, '$1^')
    .replace(/(^|[^\\])\\z/g, '$1$');
}

/**
 * `line` tests one line (no flags beyond case); `text` scans a whole file: with `m` in line mode
 * (a cheap pre-filter: any line match is also a text match), with `ms` in multiline mode.
 */
export function compilePattern(pattern: string, options: { ignoreCase: boolean; multiline: boolean }): CompiledPattern {
  let source = pattern;
  let ignoreCase = options.ignoreCase;
  let dotAll = options.multiline;
  const inline = /^\(\?([imsxU]+)\)/.exec(source);
  if (inline) {
    const flags = inline[1] ?? '';
    if (flags.includes('i')) ignoreCase = true;
    if (flags.includes('s')) dotAll = true;
    source = source.slice(inline[0].length);
  }
  source = translateSyntax(source);
  const unicode = /\\[pP]\{/.test(source) ? 'u' : '';
  const base = `${ignoreCase ? 'i' : ''}${unicode}`;
  try {
    const line = new RegExp(source, base);
    const text = new RegExp(source, `${base}gm${options.multiline && dotAll ? 's' : ''}`);
    return { ok: true, line, text };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `invalid regular expression ${JSON.stringify(pattern)}: ${reason}` };
  }
}
