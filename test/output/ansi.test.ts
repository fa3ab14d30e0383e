import { describe, expect, it } from 'vitest';
import { createPalette, shouldUseColor, stripAnsi } from '../../src/output/ansi.js';

describe('shouldUseColor', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };

  it('colours a TTY and not a pipe by default', () => {
    expect(shouldUseColor(tty, {})).toBe(true);
    expect(shouldUseColor(pipe, {})).toBe(false);
    expect(shouldUseColor({}, {})).toBe(false);
  });

  it('honours NO_COLOR when set to a non-empty value', () => {
    expect(shouldUseColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor(tty, { NO_COLOR: '' })).toBe(true);
  });

  it('FORCE_COLOR wins over NO_COLOR and the TTY check; 0 or false turns colour off', () => {
    expect(shouldUseColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldUseColor(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(shouldUseColor(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(shouldUseColor(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(shouldUseColor(tty, { FORCE_COLOR: 'false' })).toBe(false);
  });

  it('does not colour a dumb terminal', () => {
    expect(shouldUseColor(tty, { TERM: 'dumb' })).toBe(false);
  });
});

describe('palette', () => {
  it('wraps text in SGR codes only when colour is on', () => {
    expect(createPalette(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(createPalette(false).red('x')).toBe('x');
    expect(stripAnsi(createPalette(true).bold(createPalette(true).red('x')))).toBe('x');
  });
});
