/**
 * Terminal colour, by hand: a handful of SGR codes, and the decision whether to use them.
 * Nothing here reads the environment on import; callers pass the stream and env.
 */

/** Whether to colour output written to `stream`: FORCE_COLOR wins (as in Node), then NO_COLOR, TERM=dumb, and the TTY check. */
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  blue(text: string): string;
  cyan(text: string): string;
  /** White on red, for what must not be missed (an incomplete review). */
  alert(text: string): string;
}

function sgr(open: number, close: number): (text: string) => string {
  return (text) => (text ? `\u001b[${open}m${text}\u001b[${close}m` : text);
}

const identity = (text: string) => text;

export function createPalette(color: boolean): Palette {
  if (!color) {
    return { bold: identity, dim: identity, red: identity, yellow: identity, green: identity, blue: identity, cyan: identity, alert: identity };
  }
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    blue: sgr(34, 39),
    cyan: sgr(36, 39),
    alert: (text) => (text ? `\u001b[1;97;41m${text}\u001b[0m` : text),
  };
}

/** The visible text, without SGR codes (for width computations and tests). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
