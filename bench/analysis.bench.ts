// Offline analyzer throughput: a generated tree of ~2,000 Python files (~400,000 lines) analysed
// in memory (analyzeFiles on one thread, then with parsing on worker threads) and through the whole provider path (agent loop + Glob/Read tools),
// each compared with `rg` scanning the same tree in the same run.
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { analyzeFiles, analyzeFilesInParallel, createPythonParser } from '../src/analysis/index.js';
import { createParsePool } from '../src/analysis/python/parse-pool.js';
import { loadAgentFile } from '../src/agent/loader.js';
import { runReview } from '../src/loop/review.js';
import { createOfflineProvider } from '../src/providers/offline.js';

const FILES = 2000;
const DIRS = 40;
const TARGET_LINES = 200;

/** Blocks of typical training code; `{i}` makes names unique per block. */
const BLOCKS = [
  `def load_{i}(path):
    df = pd.read_csv(path, parse_dates=["date"])
    df["age"] = df["age"].fillna(df["age"].median())
    df = df.drop(columns=["id"])
    return df
`,
  `def split_{i}(df):
    X = df.drop(columns=["y"])
    y = df["y"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
    scaler = StandardScaler()
    X_train = scaler.fit_transform(X_train)
    X_test = scaler.transform(X_test)
    return X_train, X_test, y_train, y_test
`,
  `def train_{i}(X_train, y_train, X_test, y_test):
    model = RandomForestClassifier(n_estimators=300, max_depth=8, random_state=0)
    model.fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    print(classification_report(y_test, model.predict(X_test)))
    print(roc_auc_score(y_test, proba))
    return model
`,
  `class Net{i}(nn.Module):
    def __init__(self, d_in, d_hidden=64):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(d_in, d_hidden), nn.ReLU(), nn.Dropout(0.1), nn.Linear(d_hidden, 1))

    def forward(self, x):
        return self.body(x)
`,
  `def fit_epochs_{i}(model, train_loader, val_loader, epochs=10):
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
    for epoch in range(epochs):
        model.train()
        for xb, yb in train_loader:
            optimizer.zero_grad()
            loss = F.mse_loss(model(xb), yb)
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            val = sum(F.mse_loss(model(xb), yb).item() for xb, yb in val_loader)
        print(epoch, val)
`,
  `def leaky_{i}(df):
    X = StandardScaler().fit_transform(df[["a", "b", "c"]])
    X_train, X_test = train_test_split(X, random_state=1)
    return X_train, X_test
`,
  `def features_{i}(df):
    df["lag_1"] = df.groupby("store")["sales"].shift(1)
    df["roll_7"] = df.groupby("store")["sales"].transform(lambda s: s.shift(1).rolling(7).mean())
    df["dow"] = df["date"].dt.dayofweek
    return df.dropna()
`,
  `# Configuration {i}
PARAMS_{i} = {
    "learning_rate": 0.05,
    "max_depth": 6,
    "n_estimators": 500,
    "subsample": 0.8,
}
`,
];

const HEADER = `import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

np.random.seed(0)
torch.manual_seed(0)

`;

function makeFile(n: number): string {
  let text = HEADER;
  let k = n;
  while (text.split('\n').length < TARGET_LINES) {
    text += `\n${BLOCKS[k % BLOCKS.length]!.replaceAll('{i}', String(k))}`;
    k += 7;
  }
  return text;
}

async function generate(root: string): Promise<{ files: { path: string; text: string }[]; lines: number }> {
  const files: { path: string; text: string }[] = [];
  for (let d = 0; d < DIRS; d++) await mkdir(path.join(root, `pkg_${d}`, 'sub'), { recursive: true });
  for (let i = 0; i < FILES; i++) {
    const d = i % DIRS;
    const rel = i % 3 === 0 ? `pkg_${d}/sub/mod_${i}.py` : `pkg_${d}/mod_${i}.py`;
    const text = makeFile(i);
    files.push({ path: rel, text });
    await writeFile(path.join(root, rel), text);
  }
  await writeFile(path.join(root, 'requirements.txt'), 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\ntorch==2.5.1\n');
  const lines = files.reduce((n, f) => n + f.text.split('\n').length, 0);
  return { files, lines };
}

function timeRg(root: string): number {
  const started = performance.now();
  execFileSync('rg', ['--count-matches', '--no-messages', 'fit_transform|train_test_split|backward', root], { maxBuffer: 64 * 1024 * 1024 });
  return performance.now() - started;
}

export async function run(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'bench-analysis-'));
  try {
    const { files, lines } = await generate(root);
    console.log(`generated ${files.length} files, ${lines} lines in ${root}`);

    timeRg(root);
    const rgMs = timeRg(root);
    console.log(`rg scan:            ${rgMs.toFixed(0)} ms (${((files.length / rgMs) * 1000).toFixed(0)} files/s)`);

    const parser = await createPythonParser();
    try {
      const report = (label: string, ms: number, findings: number) =>
        console.log(`${label.padEnd(32)}${ms.toFixed(0)} ms (${((files.length / ms) * 1000).toFixed(0)} files/s, ${((lines / ms) * 1000).toFixed(0)} lines/s), ${findings} findings; ${(ms / rgMs).toFixed(1)}x rg`);
      let started = performance.now();
      const inProcess = analyzeFiles(files, { parser });
      report('analyzeFiles (one thread):', performance.now() - started, inProcess.findings.length);
      const pool = createParsePool();
      try {
        started = performance.now();
        const parallel = await analyzeFilesInParallel(files, { parser, pool });
        report(`analyzeFilesInParallel (${pool.size} workers):`, performance.now() - started, parallel.findings.length);
        if (JSON.stringify(parallel) !== JSON.stringify(inProcess)) throw new Error('parallel analysis differs from the in-process one');
      } finally {
        await pool.close();
      }
    } finally {
      parser.dispose();
    }

    const agent = await loadAgentFile(path.resolve('agents/model-trainer.md'));
    const started = performance.now();
    let turns = 0;
    const review = await runReview({
      agent,
      root,
      provider: createOfflineProvider(),
      sandbox: 'unsafe-none',
      grepEngine: 'native',
      toolConcurrency: 8,
      maxTurns: 60,
      onEvent: (e) => {
        if (e.type === 'turn-start') turns = e.turn;
      },
    });
    const ms = performance.now() - started;
    const reviewed = /of (\d+) Python files?/.exec(review.summary)?.[1] ?? '?';
    console.log(
      `whole review (loop + Glob/Read + analysis): ${ms.toFixed(0)} ms in ${turns} turns, status ${review.status}, ${reviewed} Python files reviewed (${((files.length / ms) * 1000).toFixed(0)} files/s); ${(ms / rgMs).toFixed(1)}x rg`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
