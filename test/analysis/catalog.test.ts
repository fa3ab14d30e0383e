import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { RULES, renderRulesMarkdown } from '../../src/analysis/index.js';
import { SEVERITIES } from '../../src/review/schema.js';
import { useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();

describe('rule catalogue', () => {
  it('has unique ids, a checklist section, a severity and wrong/right examples for every rule', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(SEVERITIES).toContain(r.severity);
      expect(r.title && r.description && r.wrong && r.right && r.category).toBeTruthy();
      expect(r.wrong).not.toBe(r.right);
    }
  });

  it('docs/rules.md is the rendered catalogue (regenerate it with renderRulesMarkdown when rules change)', async () => {
    expect(await readFile('docs/rules.md', 'utf8')).toBe(renderRulesMarkdown());
  });

  it('each rule\'s wrong example fires that rule and its right example does not', () => {
    // Examples that need surrounding context are given a minimal project around them. hardcoded-secret's
    // example shows a placeholder on purpose (the docs must not hold a real-looking key); code-quality.test.ts covers it.
    const context: Record<string, (code: string) => Record<string, string>> = {
      'no-dependency-file': () => ({ 'train.py': 'import numpy as np\n' }),
      'unpinned-dependencies': (code) => ({ 'requirements.txt': `${code}\n`, 'train.py': 'import numpy\n' }),
    };
    const standalone = new Set(['preprocessing-before-split', 'fit-on-test', 'oversampling-before-split', 'test-set-selection', 'missing-random-seed', 'hardcoded-path', 'syntax-error', 'missing-zero-grad', 'shuffled-time-series-split']);
    for (const rule of RULES) {
      if (!standalone.has(rule.id) && !context[rule.id]) continue;
      const make = context[rule.id] ?? ((code: string) => ({ 'train.py': `import torch\nimport pandas as pd\n${code}\n`, 'requirements.txt': 'numpy==2.1.3\n' }));
      const fired = (code: string) => analyze(make(code)).findings.some((f) => f.rule === rule.id);
      expect(fired(rule.wrong), `${rule.id} wrong example`).toBe(true);
      if (rule.id !== 'no-dependency-file') expect(fired(rule.right), `${rule.id} right example`).toBe(false);
    }
  });
});
