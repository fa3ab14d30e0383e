import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadTool } from '../../tools/read.js';
import { runTool } from '../../tools/index.js';
import { makeContext, makeTree } from './helpers.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/tools/notebooks');
const read = createReadTool();
let root: string;
let cleanup: () => Promise<void>;

const numbered = (from: number, lines: string[]) => lines.map((l, i) => `${String(from + i).padStart(6)}\t${l}`).join('\n');

beforeAll(async () => {
  const many = Array.from({ length: 5400 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
  ({ root, cleanup } = await makeTree({
    'src/a.py': 'import os\n\ndef f():\n    return 1\n',
    'crlf.txt': 'one\r\ntwo\r\n',
    'no-newline.txt': 'last',
    'empty.txt': '',
    'many.txt': many,
    'long.txt': `${'x'.repeat(2500)}\nshort\n`,
    'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    'latin1.txt': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a, 0x6f, 0x6b, 0x0a]),
    'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hé\nthere\n', 'utf16le')]),
    'bad.ipynb': '{"cells": [',
  }));
  await mkdir(path.join(root, 'nb'));
  await copyFile(path.join(fixtures, 'train.ipynb'), path.join(root, 'nb/train.ipynb'));
});

afterAll(() => cleanup());

describe('Read', () => {
  it('numbers lines like cat -n', async () => {
    const result = await runTool(read, { file_path: 'src/a.py' }, makeContext(root));
    expect(result).toEqual({ content: numbered(1, ['import os', '', 'def f():', '    return 1']), isError: false });
  });

  it('accepts an absolute path inside the root', async () => {
    const result = await runTool(read, { file_path: path.join(root, 'no-newline.txt') }, makeContext(root));
    expect(result.content).toBe(numbered(1, ['last']));
  });

  it('strips CR of CRLF line ends', async () => {
    expect((await runTool(read, { file_path: 'crlf.txt' }, makeContext(root))).content).toBe(numbered(1, ['one', 'two']));
  });

  it('pages long files: default 2000 lines with a note naming the next offset', async () => {
    const first = await runTool(read, { file_path: 'many.txt' }, makeContext(root));
    const rows = first.content.split('\n');
    expect(rows).toHaveLength(2001);
    expect(rows[1999]).toBe(`${String(2000).padStart(6)}\tline 2000`);
    expect(rows[2000]).toBe('[review-agent: showing lines 1-2000 of 5400; call Read with offset=2001 to continue]');
    const last = await runTool(read, { file_path: 'many.txt', offset: 5399 }, makeContext(root));
    expect(last.content).toBe(numbered(5399, ['line 5399', 'line 5400']));
    const middle = await runTool(read, { file_path: 'many.txt', offset: '10', limit: '2' }, makeContext(root));
    expect(middle.content).toBe(`${numbered(10, ['line 10', 'line 11'])}\n[review-agent: showing lines 10-11 of 5400; call Read with offset=12 to continue]`);
  });

  it('says when the offset is past the end', async () => {
    const result = await runTool(read, { file_path: 'src/a.py', offset: 50 }, makeContext(root));
    expect(result.content).toBe('[review-agent: offset=50 is past the end of the file (4 lines); call Read with an offset from 1 to 4]');
  });

  it('cuts long lines with a marker', async () => {
    const result = await runTool(read, { file_path: 'long.txt' }, makeContext(root));
    expect(result.content).toBe(numbered(1, [`${'x'.repeat(2000)} … [line truncated, 2500 chars]`, 'short']));
  });

  it('stops at the byte cap with a note on how to continue', async () => {
    const result = await runTool(read, { file_path: 'many.txt' }, makeContext(root, { readMaxBytes: 100 }));
    const rows = result.content.split('\n');
    expect(rows.slice(0, -1)).toEqual(numbered(1, ['line 1', 'line 2', 'line 3', 'line 4', 'line 5', 'line 6', 'line 7']).split('\n'));
    expect(rows.at(-1)).toBe('[review-agent: output reached the 100-byte cap; showing lines 1-7 of 5400; call Read with offset=8 to continue]');
  });

  it('gives explicit notices for empty files, directories, binary files and missing files', async () => {
    const ctx = makeContext(root);
    expect(await runTool(read, { file_path: 'empty.txt' }, ctx)).toEqual({ content: '[review-agent: file is empty]', isError: false });
    const dir = await runTool(read, { file_path: 'src' }, ctx);
    expect(dir.isError).toBe(true);
    expect(dir.content).toContain('src is a directory');
    const binary = await runTool(read, { file_path: 'image.png' }, ctx);
    expect(binary.content).toMatch(/^\[review-agent: image\.png is a binary file \(12 bytes/);
    const missing = await runTool(read, { file_path: 'src/nope.py' }, ctx);
    expect(missing).toMatchObject({ isError: true });
    expect(missing.content).toContain('File not found: src/nope.py');
  });

  it('survives invalid UTF-8 and decodes UTF-16 with a BOM', async () => {
    expect((await runTool(read, { file_path: 'latin1.txt' }, makeContext(root))).content).toBe(numbered(1, ['caf\uFFFD', 'ok']));
    expect((await runTool(read, { file_path: 'utf16.txt' }, makeContext(root))).content).toBe(numbered(1, ['hé', 'there']));
  });

  it('renders notebooks with the line numbers renderNotebook gives, and pages them', async () => {
    const whole = await runTool(read, { file_path: 'nb/train.ipynb' }, makeContext(root));
    const rows = whole.content.split('\n');
    expect(rows[0]).toBe(`${String(1).padStart(6)}\t# %% [markdown] cell 1`);
    expect(rows[10]).toBe(`${String(11).padStart(6)}\tscaler = StandardScaler().fit(X)`);
    expect(rows).toHaveLength(21);
    const page = await runTool(read, { file_path: 'nb/train.ipynb', offset: 9, limit: 3 }, makeContext(root));
    expect(page.content).toBe(
      `${numbered(9, ['# %% [code] cell 3 In[2]', "X = np.load('x.npy')", 'scaler = StandardScaler().fit(X)'])}\n` +
        '[review-agent: showing lines 9-11 of 21; call Read with offset=12 to continue]',
    );
  });

  it('reports a broken notebook as an error naming the file', async () => {
    const result = await runTool(read, { file_path: 'bad.ipynb' }, makeContext(root));
    expect(result.isError).toBe(true);
    expect(result.content).toMatch(/^bad\.ipynb: not a valid Jupyter notebook: the file is not valid JSON/);
  });

  it('rejects invalid input with a clear message instead of throwing', async () => {
    const result = await runTool(read, { file_path: 'src/a.py', limit: 0 }, makeContext(root));
    expect(result.isError).toBe(true);
    expect(result.content).toMatch(/^Invalid input for Read:\n- limit: /);
  });
});
