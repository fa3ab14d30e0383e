import { describe, expect, it } from 'vitest';
import { plan } from '../../src/analysis/plan.js';
import { readTranscript } from '../../src/analysis/transcript.js';
import type { Message } from '../../src/providers/types.js';

function globTurn(queries: { pattern: string; path?: string; result: string }[]): Message[] {
  return [
    { role: 'assistant', content: queries.map((q, i) => ({ type: 'toolCall' as const, id: `g${i}`, name: 'Glob', input: q.path ? { pattern: q.pattern, path: q.path } : { pattern: q.pattern } })) },
    { role: 'user', content: queries.map((q, i) => ({ type: 'toolResult' as const, toolCallId: `g${i}`, toolName: 'Glob', isError: false, content: q.result })) },
  ];
}

describe('glob planning', () => {
  it('refines a listing Glob cut at its limit by folder, and skips virtualenvs', () => {
    const listed = ['pkg/a.py', 'pkg/b.py', 'tools/c.py', '.venv/lib/site-packages/x.py'].join('\n');
    const messages = globTurn([
      { pattern: '**/*.py', result: `${listed}\n[review-agent: showing the 100 newest of 250 matching files; narrow the pattern or path to see others]` },
      { pattern: '**/*.ipynb', result: '[review-agent: no files match "**/*.ipynb" in the review root]' },
      { pattern: '**/{requirements*.txt,requirements*.in,pyproject.toml,setup.cfg,setup.py,environment.yml,environment.yaml,conda.yml,conda.yaml,Pipfile,poetry.lock,Pipfile.lock,uv.lock,pdm.lock}', result: 'requirements.txt' },
      { pattern: '**/*.{yaml,yml,toml,json}', result: '[review-agent: no files match "**/*.{yaml,yml,toml,json}" in the review root]' },
    ]);
    const p = plan(readTranscript(messages));
    expect(p.globs).toEqual([
      { pattern: '*.py' },
      { pattern: '**/*.py', path: 'pkg' },
      { pattern: '**/*.py', path: 'tools' },
      { pattern: '!(.venv|pkg|tools)/**/*.py' },
    ]);
    expect(p.files).toEqual(['pkg/a.py', 'pkg/b.py', 'requirements.txt', 'tools/c.py']);
  });

  it('reads every listed file except lock files once listings are complete', () => {
    const messages = globTurn([
      { pattern: '**/*.py', result: 'b.py\na.py' },
      { pattern: '**/*.ipynb', result: 'nb.ipynb' },
      { pattern: '**/{requirements*.txt,requirements*.in,pyproject.toml,setup.cfg,setup.py,environment.yml,environment.yaml,conda.yml,conda.yaml,Pipfile,poetry.lock,Pipfile.lock,uv.lock,pdm.lock}', result: 'poetry.lock\npyproject.toml' },
      { pattern: '**/*.{yaml,yml,toml,json}', result: 'conf/train.yaml\npyproject.toml\npackage.json\n.github/workflows/ci.yml\nannotations/boxes.json\nconf/params.json' },
    ]);
    const p = plan(readTranscript(messages));
    expect(p.globs).toEqual([]);
    // Settings files are read too; tool settings, CI files and JSON data are not.
    expect(p.reads.map((r) => r.file_path)).toEqual(['a.py', 'b.py', 'conf/params.json', 'conf/train.yaml', 'nb.ipynb', 'pyproject.toml']);
  });
});
