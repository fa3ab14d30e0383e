import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A tiny training script with a scaler fitted before the split (line 7) and an unseeded split (line 8). */
export const LEAKY_TRAIN = `import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

df = pd.read_csv("data.csv")
X, y = df.drop(columns=["label"]), df["label"]
X = StandardScaler().fit_transform(X)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
`;

/** The finding a correct reviewer submits for LEAKY_TRAIN, as a model would send it. */
export const LEAK_FINDING = {
  severity: 'CRITICAL',
  title: 'Scaler fitted before the split',
  file: 'train.py',
  line: 7,
  issue: 'StandardScaler is fitted on all rows before train_test_split.',
  impact: 'Test statistics leak into training; the score is optimistic.',
  fix: 'Split first, fit the scaler on X_train only.',
  current: 'X = StandardScaler().fit_transform(X)',
};

/** A fresh temp folder holding train.py = LEAKY_TRAIN. */
export async function makeLeakyRepo(prefix = 'ra-leaky-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await writeFile(path.join(dir, 'train.py'), LEAKY_TRAIN);
  return dir;
}
