import { describe, expect, it } from 'vitest';
import { parseLineRange, parseLocation, parseLocations } from '../../src/review/parse-location.js';
import { readSeverity, readVerdict } from '../../src/review/parse-fields.js';

describe('parseLocation', () => {
  it.each([
    ['train.py:87', { file: 'train.py', line: 87 }],
    ['train.py:87-90', { file: 'train.py', line: 87, endLine: 90 }],
    ['train.py:87–90', { file: 'train.py', line: 87, endLine: 90 }],
    ['train.py:87:5', { file: 'train.py', line: 87 }],
    ['train.py, line 12', { file: 'train.py', line: 12 }],
    ['train.py, lines 12-14', { file: 'train.py', line: 12, endLine: 14 }],
    ['train.py (line 12)', { file: 'train.py', line: 12 }],
    ['`train.py` (lines 12 to 14)', { file: 'train.py', line: 12, endLine: 14 }],
    ['train.py line 12', { file: 'train.py', line: 12 }],
    ['train.py#L12-L14', { file: 'train.py', line: 12, endLine: 14 }],
    ['`src/model/train.py:87`', { file: 'src/model/train.py', line: 87 }],
    ['[train.py:87](train.py#L87)', { file: 'train.py', line: 87 }],
    ['**train.py:87**', { file: 'train.py', line: 87 }],
    ['train.py:87 (inside main)', { file: 'train.py', line: 87 }],
    ['train.py', { file: 'train.py' }],
    ['baseline_model.py', { file: 'baseline_model.py' }],
  ])('%s', (text, expected) => {
    expect(parseLocation(text)).toEqual(expected);
  });

  it('splits several locations, but not "file, line N"', () => {
    expect(parseLocations('a.py:1, b.py:2')).toEqual([
      { file: 'a.py', line: 1 },
      { file: 'b.py', line: 2 },
    ]);
    expect(parseLocations('a.py, line 3')).toEqual([{ file: 'a.py', line: 3 }]);
  });

  it('reads line fields', () => {
    expect(parseLineRange('87')).toEqual({ line: 87 });
    expect(parseLineRange('lines 87-90')).toEqual({ line: 87, endLine: 90 });
    expect(parseLineRange('87-87')).toEqual({ line: 87 });
    expect(parseLineRange('around 87')).toBeUndefined();
  });
});

describe('field readers', () => {
  it.each([
    ['critical', 'CRITICAL'],
    ['**[High]**', 'HIGH'],
    ['🔴 CRITICAL', 'CRITICAL'],
    ['med', 'MEDIUM'],
    ['urgent', undefined],
    ['minor', undefined],
  ])('severity %s', (text, expected) => {
    expect(readSeverity(text)).toBe(expected);
  });

  it.each([
    ['✅ Approve', 'approve'],
    ['❌ **Block** – leakage', 'block'],
    ['⚠️ Warning', 'warning'],
    ['Approve with warnings', 'warning'],
    ['Warning, not blocking', 'warning'],
    ['Request changes', 'block'],
    ['Do not approve until the split is fixed', 'block'],
    ['LGTM', 'approve'],
    ['❌', 'block'],
    ['maybe', undefined],
  ])('verdict %s', (text, expected) => {
    expect(readVerdict(text)).toBe(expected);
  });
});
