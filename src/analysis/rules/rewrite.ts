// Small text edits that turn the cited lines into the `fixed` rewrite.
import type { Part } from '../flow/knowledge.js';
import { escapeRegExp } from '../regexp.js';

const PART_WORDS: Record<Part, string> = {
  test: 'test|tst|holdout|te',
  val: 'val|valid|validation|dev',
  train: 'train|training|tr',
  full: 'full',
};

/** `X_test` → `X_train`, `test_loader` → `train_loader`: renames the part inside identifiers. */
export function swapPart(text: string, from: Part, to: Part): string {
  if (from === to) return text;
  const re = new RegExp(`(^|[^A-Za-z])(${PART_WORDS[from]})(?=$|[^A-Za-z])`, 'g');
  const word = to === 'val' ? 'val' : to;
  return text.replace(re, (_m, pre: string) => `${pre}${word}`);
}

/** Replaces a whole identifier (not inside other identifiers). */
export function replaceWord(text: string, word: string, by: string): string {
  const escaped = escapeRegExp(word);
  return text.replace(new RegExp(`(?<![\\w.])${escaped}(?!\\w)`, 'g'), by);
}

/** Adds `kw` to the last call on the line(s): `f(a, b)` → `f(a, b, kw)`. */
export function addKwarg(text: string, kw: string): string {
  const close = text.lastIndexOf(')');
  if (close < 0) return text;
  const before = text.slice(0, close).trimEnd();
  const sep = before.endsWith('(') ? '' : before.endsWith(',') ? ' ' : ', ';
  return `${before}${sep}${kw}${text.slice(close)}`;
}
