// Round-ten idioms (sports analytics, manufacturing, clinical time series, speech): cohorts cut to one row per
// patient, features computed along each patient's own timeline and split by patient. Each mechanism fires on
// the wrong variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\nlightgbm==4.5.0\ntorch==2.5.1\n' };
const severe = (files: Record<string, string>) => analyze({ ...REQ, ...files }).findings.filter((f) => f.severity === 'CRITICAL' || f.severity === 'HIGH');
const timeSplits = (files: Record<string, string>) => severe(files).filter((f) => f.rule === 'shuffled-time-series-split');

const fitAndScore = `
for m in (DummyClassifier(), LGBMClassifier(random_state=0)):
    p = m.fit(X_tr, y_tr).predict_proba(X_te)[:, 1]
    print(roc_auc_score(y_te, p), average_precision_score(y_te, p))
`;
const HEAD = `import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit, train_test_split
`;

describe('ICU stays sorted per patient', () => {
  const script = (keep: string) => ({
    'cohort.py': `${HEAD}
stays = pd.read_csv("icustays.csv", parse_dates=["intime"]).sort_values(["subject_id", "intime"])
${keep}
X, y = stays[["age", "sofa"]], stays["died_30d"]
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
${fitAndScore}`,
  });

  it('stays silent once the cohort keeps the first stay of each patient', () => {
    expect(timeSplits(script('stays = stays[stays.groupby("subject_id").cumcount() == 0]'))).toEqual([]);
  });

  it('fires when every stay stays in, shuffled across the split', () => {
    expect(timeSplits(script('stays = stays[stays["age"] >= 18]'))).toHaveLength(1);
  });
});

describe('features along each patient timeline, split by patient', () => {
  const script = (split: string) => ({
    'sepsis.py': `${HEAD}
df = pd.read_parquet("hourly.parquet").sort_values(["patient_id", "ICULOS"])
g = df.groupby("patient_id")
df["hr_d1"] = g["HR"].diff()
df["prior_admissions"] = df.sort_values("admittime").groupby("patient_id").cumcount()
X, y = df[["HR", "hr_d1", "prior_admissions"]], df["sepsis"]
${split}
${fitAndScore}`,
  });
  const grouped = `gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
tr, te = next(gss.split(X, y, groups=df["patient_id"]))
X_tr, X_te, y_tr, y_te = X.iloc[tr], X.iloc[te], y.iloc[tr], y.iloc[te]`;

  it('stays silent when whole patients go to one side', () => {
    expect(timeSplits(script(grouped))).toEqual([]);
  });

  it('fires when hours of one patient are shuffled into both sides', () => {
    expect(timeSplits(script('X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=0)'))).toHaveLength(1);
  });
});

describe('a Hugging Face DatasetDict filled split by split from load_dataset(split=...)', () => {
  const files = (evalSplit: string) => ({
    'config.yaml': `dataset: mozilla-foundation/common_voice_11_0\ntrain_splits: train\neval_split: ${evalSplit}\nseed: 42\n`,
    'train.py': py`
      import evaluate
      import yaml
      from datasets import DatasetDict, load_dataset
      from transformers import EarlyStoppingCallback, Seq2SeqTrainer, Seq2SeqTrainingArguments, WhisperForConditionalGeneration

      cfg = yaml.safe_load(open("config.yaml"))
      cv = DatasetDict()
      cv["train"] = load_dataset(cfg["dataset"], "hi", split=cfg["train_splits"])
      cv["eval"] = load_dataset(cfg["dataset"], "hi", split=cfg["eval_split"])
      cv = cv.remove_columns(["accent", "age"])
      model = WhisperForConditionalGeneration.from_pretrained("openai/whisper-small")
      args = Seq2SeqTrainingArguments(output_dir="out", evaluation_strategy="steps", load_best_model_at_end=True,
                                      metric_for_best_model="wer", greater_is_better=False, seed=cfg["seed"])
      trainer = Seq2SeqTrainer(model=model, args=args, train_dataset=cv["train"], eval_dataset=cv["eval"],
                               callbacks=[EarlyStoppingCallback(early_stopping_patience=3)])
      trainer.train()
      print(trainer.evaluate(cv["eval"]))
    `,
  });
  const selections = (split: string) => severe(files(split)).filter((f) => f.rule === 'test-set-selection');

  it('fires when the evaluation split is the test split', () => {
    expect(selections('test')).toHaveLength(1);
  });

  it('stays silent when it is the validation split', () => {
    expect(selections('validation')).toEqual([]);
  });
});

describe('CMVN statistics of log-mel features kept per clip in a dict', () => {
  const files = (statsOf: string) => ({
    'feats.py': py`
      import numpy as np
      import torch
      import torchaudio


      def load_clip(path, target_len=16000):
          wav, sr = torchaudio.load(str(path))
          if sr != 16000:
              wav = torchaudio.functional.resample(wav, sr, 16000)
          wav = wav.mean(dim=0)
          return wav[:target_len]


      def compute_global_stats(feature_iter):
          total, total_sq, n = 0.0, 0.0, 0
          for feats in feature_iter:
              f = np.asarray(feats, dtype=np.float64)
              total += f.sum(axis=1)
              total_sq += (f ** 2).sum(axis=1)
              n += f.shape[1]
          mean = total / n
          return mean, np.sqrt(total_sq / n - mean ** 2)
    `,
    'train.py': py`
      from pathlib import Path

      import pandas as pd
      import torch
      import torchaudio
      from sklearn.model_selection import GroupShuffleSplit
      from torch.utils.data import Dataset
      from feats import compute_global_stats, load_clip

      mel = torchaudio.transforms.MelSpectrogram(sample_rate=16000, n_mels=40)
      manifest = pd.read_csv("manifest.csv")
      features = {}
      for row in manifest.itertuples():
          features[row.utt_id] = torch.log(mel(load_clip(Path("audio") / row.path)) + 1e-6).numpy()
      gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
      tr, te = next(gss.split(manifest, groups=manifest["speaker_id"]))
      train_df, test_df = manifest.iloc[tr], manifest.iloc[te]
      mean, std = compute_global_stats(${statsOf})


      class KeywordDataset(Dataset):
          def __init__(self, frame, mean, std):
              self.keys = frame["utt_id"].tolist()
              self.mean, self.std = mean, std


      train_ds, test_ds = KeywordDataset(train_df, mean, std), KeywordDataset(test_df, mean, std)
    `,
  });
  const leaks = (statsOf: string) => analyze({ ...REQ, ...files(statsOf) }).findings.filter((f) => f.rule === 'preprocessing-before-split');

  it('fires when they are accumulated over every clip, test speakers included', () => {
    expect(leaks('features.values()')).toMatchObject([{ file: 'train.py', line: 18 }]);
  });

  it('stays silent when they are accumulated over the training clips', () => {
    expect(leaks('[features[k] for k in train_df["utt_id"]]')).toEqual([]);
  });
});

describe('per-utterance normalisation of features loaded in a comprehension', () => {
  const nb = (norm: string) => ({
    'accent.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.dummy import DummyClassifier
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import balanced_accuracy_score, f1_score
      from sklearn.model_selection import train_test_split

      meta = pd.read_csv("utts.csv")


      def utterance_cmvn(frames):
          return (frames - frames.mean(axis=0)) / (frames.std(axis=0) + 1e-8)


      X = np.stack([utterance_cmvn(np.load(f"mfcc/{u}.npy")).mean(axis=0) for u in meta["utt_id"]])
      ${norm}
      y = meta["region"].to_numpy()
      X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
      for m in (DummyClassifier(), LogisticRegression(max_iter=1000)):
          p = m.fit(X_tr, y_tr).predict(X_te)
          print(balanced_accuracy_score(y_te, p), f1_score(y_te, p, average="macro"))
    `,
  });
  const leaks = (norm: string) => severe(nb(norm)).filter((f) => f.rule === 'preprocessing-before-split');

  it('stays silent: each utterance is normalised with its own statistics', () => {
    expect(leaks('print(X.shape)')).toEqual([]);
  });

  it('fires when the stacked matrix is then normalised with statistics of every utterance', () => {
    expect(leaks('X = (X - X.mean(axis=0)) / X.std(axis=0)')).toHaveLength(1);
  });
});

describe('operating points chosen on held-out scores', () => {
  const script = (pick: string) => ({
    'op.py': `${HEAD}import numpy as np
from sklearn.metrics import confusion_matrix

df = pd.read_csv("alerts.csv")
dev, test = train_test_split(df, test_size=0.2, stratify=df["y"], random_state=0)
train, val = train_test_split(dev, test_size=0.2, stratify=dev["y"], random_state=0)
model = LGBMClassifier(random_state=0).fit(train[["a", "b"]], train["y"])
base = DummyClassifier().fit(train[["a", "b"]], train["y"])
y_val, p_val = val["y"].to_numpy(), model.predict_proba(val[["a", "b"]])[:, 1]
y_test, p_test = test["y"].to_numpy(), model.predict_proba(test[["a", "b"]])[:, 1]
print(roc_auc_score(y_test, p_test), average_precision_score(y_test, p_test))


def frr(labels, scores, t):
    return ((scores < t) & (labels == 1)).sum() / (labels == 1).sum()


${pick}
`,
  });
  const selections = (pick: string) => severe(script(pick)).filter((f) => f.rule === 'test-set-selection');
  const keyed = (y: string, p: string) => `threshold = min(np.linspace(0.01, 0.99, 99), key=lambda t: frr(${y}, ${p}, t))`;
  const loop = (y: string, p: string) => `best_thr, best_ppv = 0.5, 0.0
for thr in np.linspace(0.01, 0.99, 99):
    tn, fp, fn, tp = confusion_matrix(${y}, ${p} >= thr).ravel()
    ppv = tp / max(tp + fp, 1)
    if tp / (tp + fn) >= 0.8 and ppv > best_ppv:
        best_thr, best_ppv = thr, ppv`;

  it('fires for min(candidates, key=...) scored on the test rows, and stays silent on validation rows', () => {
    expect(selections(keyed('y_test', 'p_test'))).toHaveLength(1);
    expect(selections(keyed('y_val', 'p_val'))).toEqual([]);
  });

  it('fires for a loop keeping the best cell counts of a confusion matrix on the test rows, not on validation rows', () => {
    expect(selections(loop('y_test', 'p_test'))).toHaveLength(1);
    expect(selections(loop('y_val', 'p_val'))).toEqual([]);
  });
});

describe('a betting policy backtested over a grid of edges', () => {
  const files = (rows: string) => ({
    'staking.py': py`
      import numpy as np


      def simulate_flat_bets(odds, p_model, won, min_edge):
          bets = p_model * odds - 1.0 > min_edge
          pnl = np.where(won[bets] == 1, odds[bets] - 1.0, -1.0)
          n = int(bets.sum())
          return {"min_edge": min_edge, "n_bets": n, "roi": float(pnl.sum() / n) if n else 0.0}
    `,
    'train.py': `${HEAD}import numpy as np
from staking import simulate_flat_bets

games = pd.read_csv("games.csv").sort_values("date")
train, valid, test = games.iloc[:3000], games.iloc[3000:3400], games.iloc[3400:]
model = LGBMClassifier(random_state=0).fit(train[["elo_diff", "rest"]], train["home_win"])
part = ${rows}
p = model.predict_proba(part[["elo_diff", "rest"]])[:, 1]
print(roc_auc_score(part["home_win"], p), average_precision_score(part["home_win"], p))
results = pd.DataFrame([simulate_flat_bets(part["odds"].to_numpy(), p, part["home_win"].to_numpy(), e) for e in np.arange(0.0, 0.2, 0.01)])
best = results.loc[results["roi"].idxmax()]
`,
  });
  const selections = (rows: string) => severe(files(rows)).filter((f) => f.rule === 'test-set-selection');

  it('fires when the edge with the best ROI is picked on the test season', () => {
    expect(selections('test')).toHaveLength(1);
  });

  it('stays silent when it is picked on the validation season', () => {
    expect(selections('valid')).toEqual([]);
  });
});

describe('a helper taking *others (standardize(train, *others)) before a Keras fit', () => {
  const files = (held: string) => ({
    'prep.py': py`
      import numpy as np


      def standardize(train: np.ndarray, *others: np.ndarray):
          mean = np.nanmean(train, axis=(0, 1), keepdims=True)
          std = np.nanstd(train, axis=(0, 1), keepdims=True) + 1e-6
          scaled = [(a - mean) / std for a in (train, *others)]
          return [np.nan_to_num(a, nan=0.0) for a in scaled]
    `,
    'train.py': py`
      import numpy as np
      import tensorflow as tf
      from sklearn.model_selection import train_test_split
      from prep import standardize

      tf.keras.utils.set_random_seed(0)
      cube, y = np.load("cube.npy"), np.load("y.npy")
      idx = np.arange(len(y))
      dev_idx, te_idx = train_test_split(idx, test_size=0.2, stratify=y, random_state=0)
      tr_idx, va_idx = train_test_split(dev_idx, test_size=0.2, stratify=y[dev_idx], random_state=0)
      X_tr, X_va, X_te = standardize(cube[tr_idx], cube[va_idx], cube[te_idx])
      model = tf.keras.Sequential([tf.keras.layers.LSTM(32), tf.keras.layers.Dense(1, activation="sigmoid")])
      model.compile(optimizer="adam", loss="binary_crossentropy", metrics=[tf.keras.metrics.AUC(name="auc")])
      stop = tf.keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=5, restore_best_weights=True)
      model.fit(X_tr, y[tr_idx], validation_data=(${held}), epochs=50, callbacks=[stop])
      print(model.evaluate(X_te, y[te_idx]))
    `,
  });
  const selections = (held: string) => severe(files(held)).filter((f) => f.rule === 'test-set-selection');

  it('fires when the early-stopping rows are the test rows', () => {
    expect(selections('X_te, y[te_idx]')).toHaveLength(1);
  });

  it('stays silent when they are the validation rows', () => {
    expect(selections('X_va, y[va_idx]')).toEqual([]);
  });
});

describe('accuracy alone on a rare positive class', () => {
  const nb = (note: string, counts: string) => ({
    'injury.py': `${HEAD}from sklearn.metrics import accuracy_score

# Each row is a player-week. ${note}
weeks = pd.read_parquet("weeks.parquet").sort_values("week_start")
${counts}
train, test = weeks[weeks["season"] < 2024], weeks[weeks["season"] == 2024]
clf = LGBMClassifier(random_state=0)
clf.fit(
    train[["load", "age"]], train["injury_next_7d"],
)
dummy = DummyClassifier(strategy="most_frequent").fit(train[["load", "age"]], train["injury_next_7d"])
print(accuracy_score(test["injury_next_7d"], dummy.predict(test[["load", "age"]])))
print(accuracy_score(test["injury_next_7d"], clf.predict(test[["load", "age"]])))
`,
  });
  const severity = (note: string, counts: string) => analyze({ ...REQ, ...nb(note, counts) }).findings.find((f) => f.rule === 'accuracy-only')?.severity;

  it('is HIGH when the notes give the share of positives', () => {
    expect(severity('About 3% of player-weeks are positive.', 'print(len(weeks))')).toBe('HIGH');
  });

  it('is HIGH when the label fitted is counted', () => {
    expect(severity('Target: injury in the next week.', 'print(weeks["injury_next_7d"].value_counts())')).toBe('HIGH');
  });

  it('stays MEDIUM without a sign of imbalance', () => {
    expect(severity('Target: injury in the next week.', 'print(len(weeks))')).toBe('MEDIUM');
  });
});

describe('credentials in settings files', () => {
  // Fake credentials, assembled so that secret scanners do not flag this file.
  const KEY = ['a125660dec', '404b430fc9', '26ddcd38d5', '11dc572bb8'].join('');
  const HF = `hf_${'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'}`;
  const secrets = (files: Record<string, string>) => analyze({ ...REQ, 'train.py': 'import json\ncfg = json.load(open("config.json"))\nprint(cfg)\n', ...files }).findings.filter((f) => f.rule === 'hardcoded-secret');

  it('fires for a W&B key in config.json and a Hugging Face token in YAML, without echoing them', () => {
    const found = secrets({ 'config.json': `{\n  "seed": 17,\n  "wandb_api_key": "${KEY}"\n}\n`, 'hub.yaml': `repo: acme/asr\nhf_token: ${HF}\n` });
    expect(found.map((f) => [f.file, f.line])).toEqual([['config.json', 3], ['hub.yaml', 2]]);
    expect(JSON.stringify(found)).not.toContain(KEY);
  });

  it('stays silent for placeholders, environment variable names and commit hashes', () => {
    expect(secrets({ 'config.json': `{\n  "wandb_api_key": "\${WANDB_API_KEY}",\n  "api_key_env": "OPENAI_API_KEY",\n  "model_revision": "${KEY}"\n}\n` })).toEqual([]);
  });
});
