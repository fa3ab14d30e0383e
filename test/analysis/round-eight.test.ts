// Round-eight idioms (audio, time-series deep learning, MLOps pipelines): statistics of the training period taken
// with a head slice, lookback windows named `hist`, a split's shuffle read from the settings, features computed
// per clip with joblib, and per-clip normalisation. Each mechanism fires on the wrong variant and stays silent
// on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\ntorch==2.5.1\nlibrosa==0.10.2\njoblib==1.4.2\npyyaml==6.0.2\nlightgbm==4.5.0\n' };
const severe = (files: Record<string, string>) => analyze({ ...REQ, ...files }).findings.filter((f) => f.severity === 'CRITICAL' || f.severity === 'HIGH');

describe('a forecaster normalised with statistics of the first rows and trained on lookback windows', () => {
  const code = (stats: string) => ({
    'tcn.py': py`
      import numpy as np
      import pandas as pd
      import torch
      from torch import nn

      LOOKBACK = 28


      def windows(z):
          X, y = [], []
          for t in range(LOOKBACK, len(z)):
              hist = z[t - LOOKBACK:t]
              X.append(hist)
              y.append(z[t, 0])
          return torch.tensor(np.array(X)), torch.tensor(np.array(y))


      torch.manual_seed(0)
      df = pd.read_csv("sendout.csv", parse_dates=["day"], index_col="day").sort_index()
      df["dlog"] = np.log(df["sendout"]).diff()
      df = df.dropna()
      n = len(df)
      i_val, i_test = int(n * 0.7), int(n * 0.85)
      mu, sd = ${stats}
      z = ((df[["dlog", "hdd"]] - mu) / sd).to_numpy(np.float32)
      parts = {"train": windows(z[:i_val]), "val": windows(z[i_val - LOOKBACK:i_test]), "test": windows(z[i_test - LOOKBACK:])}
      model = nn.Sequential(nn.Flatten(), nn.Linear(LOOKBACK * 2, 1))
      opt = torch.optim.Adam(model.parameters())
      best = float("inf")
      for epoch in range(50):
          model.train()
          opt.zero_grad()
          nn.functional.mse_loss(model(parts["train"][0]).squeeze(-1), parts["train"][1]).backward()
          opt.step()
          model.eval()
          with torch.no_grad():
              val = float(((model(parts["val"][0]).squeeze(-1) - parts["val"][1]) ** 2).mean())
          if val < best:
              best = val
              torch.save(model.state_dict(), "best.pt")
      with torch.no_grad():
          naive = parts["test"][0][:, -1, 0]
          print(float(((model(parts["test"][0]).squeeze(-1) - parts["test"][1]) ** 2).mean()), float(((naive - parts["test"][1]) ** 2).mean()))
    `,
  });

  it('stays silent when the statistics come from the rows before the validation cut', () => {
    expect(severe(code('df[["dlog", "hdd"]].iloc[:i_val].mean(), df[["dlog", "hdd"]].iloc[:i_val].std()'))).toEqual([]);
  });

  it('fires when they come from the whole series', () => {
    const found = severe(code('df[["dlog", "hdd"]].mean(), df[["dlog", "hdd"]].std()'));
    expect(found.map((f) => f.rule)).toEqual(['preprocessing-before-split']);
  });
});

describe("a split's shuffle read from the settings", () => {
  const code = (shuffle: string) => ({
    'conf/load.yaml': `split:\n  test_size: 0.1\n  shuffle: ${shuffle}\nseed: 3\n`,
    'train.py': py`
      import lightgbm as lgb
      import pandas as pd
      import yaml
      from sklearn.metrics import mean_absolute_error
      from sklearn.model_selection import train_test_split

      cfg = yaml.safe_load(open("conf/load.yaml"))
      df = pd.read_parquet("load.parquet").sort_values("ts")
      df["lag_24"] = df.groupby("substation")["load"].shift(24)
      df = df.dropna()
      train_df, test_df = train_test_split(df, test_size=cfg["split"]["test_size"], shuffle=cfg["split"]["shuffle"])
      feats = ["lag_24", "hour"]
      model = lgb.LGBMRegressor(random_state=cfg["seed"]).fit(train_df[feats], train_df["load"])
      print(mean_absolute_error(test_df["load"], model.predict(test_df[feats])), mean_absolute_error(test_df["load"], test_df["lag_24"]))
    `,
  });

  it('stays silent when the settings turn shuffling off', () => {
    expect(severe(code('false'))).toEqual([]);
  });

  it('fires when they turn it on', () => {
    expect(severe(code('true')).map((f) => f.rule)).toContain('shuffled-time-series-split');
  });
});

describe('clip features computed with joblib, then a scaler', () => {
  const code = (fitOn: string) => ({
    'us8k.py': py`
      import librosa
      import numpy as np
      import pandas as pd
      from joblib import Parallel, delayed
      from sklearn.dummy import DummyClassifier
      from sklearn.metrics import balanced_accuracy_score, f1_score
      from sklearn.preprocessing import StandardScaler
      from sklearn.svm import SVC

      meta = pd.read_csv("UrbanSound8K.csv")


      def clip_features(path):
          y, sr = librosa.load(path, sr=22050)
          mfcc = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=40)
          return np.r_[mfcc.mean(axis=1), mfcc.std(axis=1)]


      feats = np.array(Parallel(n_jobs=8)(delayed(clip_features)(p) for p in meta["path"]))
      is_test = (meta["fold"] == 10).to_numpy()
      X_train, y_train = feats[~is_test], meta.loc[~is_test, "classID"].to_numpy()
      X_test, y_test = feats[is_test], meta.loc[is_test, "classID"].to_numpy()
      scaler = StandardScaler().fit(${fitOn})
      for m in (SVC(C=10, random_state=0), DummyClassifier()):
          p = m.fit(scaler.transform(X_train), y_train).predict(scaler.transform(X_test))
          print(balanced_accuracy_score(y_test, p), f1_score(y_test, p, average="macro"))
    `,
  });

  it('fires when the scaler is fitted on train and test stacked together', () => {
    expect(severe(code('np.vstack([X_train, X_test])')).map((f) => f.rule)).toEqual(['fit-on-test']);
  });

  it('stays silent when it is fitted on the training clips', () => {
    expect(severe(code('X_train'))).toEqual([]);
  });
});

describe('each clip normalised by its own statistics', () => {
  const code = (norm: string) => ({
    'speakers.py': py`
      import librosa
      import numpy as np
      import pandas as pd
      from sklearn.dummy import DummyClassifier
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import accuracy_score, f1_score
      from sklearn.model_selection import train_test_split

      utts = pd.read_csv("utterances.csv")


      def mfcc_sequence(path):
          y, sr = librosa.load(path, sr=16000)
          feats = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=30).T
          feats = (feats - feats.mean(axis=0)) / (feats.std(axis=0) + 1e-8)
          return feats[:400]


      X = np.stack([mfcc_sequence(p) for p in utts["path"]])
      ${norm}
      X_train, X_test, y_train, y_test = train_test_split(X, utts["speaker"], test_size=0.2, stratify=utts["speaker"], random_state=7)
      for m in (LogisticRegression(max_iter=2000), DummyClassifier()):
          p = m.fit(X_train.mean(axis=1), y_train).predict(X_test.mean(axis=1))
          print(accuracy_score(y_test, p), f1_score(y_test, p, average="macro"))
    `,
  });

  it('stays silent: statistics of one sample are no statistic of the dataset', () => {
    expect(severe(code(''))).toEqual([]);
  });

  it('still fires for statistics of all clips before the split', () => {
    expect(severe(code('X = (X - X.mean(axis=0)) / X.std(axis=0)')).map((f) => f.rule)).toEqual(['preprocessing-before-split']);
  });
});

const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

describe('encoders fitted on every track before the official split', () => {
  const code = (encode: string) => ({
    'fma.py': py`
      import pandas as pd
      from sklearn.dummy import DummyClassifier
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import balanced_accuracy_score, f1_score
      from sklearn.preprocessing import LabelEncoder, OneHotEncoder

      small = pd.read_csv("tracks.csv", index_col=0)
      genre = small["genre_top"].astype(str)
      X_all = small[["artist_location", "album_type"]]
      ${encode}
      train, test = (small["split"] == "training").to_numpy(), (small["split"] == "test").to_numpy()
      for m in (LogisticRegression(max_iter=2000), DummyClassifier()):
          p = m.fit(X_all[train], y_all[train]).predict(X_all[test])
          print(balanced_accuracy_score(y_all[test], p), f1_score(y_all[test], p, average="macro"))
    `,
  });

  it('stay silent for a label encoder handed the label series', () => {
    expect(of(code('y_all = LabelEncoder().fit(genre).transform(genre)'), 'preprocessing-before-split')).toEqual([]);
  });

  it('fire for a one-hot encoder of the inputs', () => {
    expect(of(code('y_all = genre.to_numpy()\n      X_all = OneHotEncoder().fit(X_all).transform(X_all)'), 'preprocessing-before-split')).toHaveLength(1);
  });
});

describe('a helper named for picking the threshold', () => {
  const code = (manifest: string) => ({
    'evaluate.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.metrics import average_precision_score, roc_auc_score


      def false_alarms(scores, labels, t):
          return np.sum((scores >= t) & (labels == 0))


      def pick_threshold(scores, labels, target):
          for t in np.linspace(0, 1, 101):
              if false_alarms(scores, labels, t) <= target:
                  return float(t)
          return 1.0


      test = pd.read_csv("manifests/test.csv")
      scored = pd.read_csv("manifests/${manifest}.csv")
      threshold = pick_threshold(scored["score"].to_numpy(), scored["label"].to_numpy(), 3)
      print(threshold, roc_auc_score(test["label"], test["score"]), average_precision_score(test["label"], test["score"]))
      print(((test["score"] >= threshold) & (test["label"] == 1)).mean())
    `,
  });

  it('fires when it is handed the test scores', () => {
    const found = of(code('test'), 'test-set-selection');
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(19);
  });

  it('stays silent when it is handed the validation scores', () => {
    expect(of(code('val'), 'test-set-selection')).toEqual([]);
  });
});

describe('forecasters compared on the last weeks of a daily series aggregated per date', () => {
  const code = (window: string) => ({
    'select.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.linear_model import Ridge


      def smape(y, p):
          return float(np.mean(np.abs(y - p) / ((np.abs(y) + np.abs(p)) / 2)) * 100)


      df = pd.read_csv("orders.csv", parse_dates=["order_date"])
      daily = df.groupby("order_date")["orders"].sum().asfreq("D", fill_value=0)
      y = np.log1p(daily.to_numpy(dtype=float))
      y_train, y_val, y_test = y[:-112], y[-112:-56], y[-56:]
      rows = []
      for name, lags in {"naive": 0, "ridge7": 7, "ridge28": 28}.items():
          forecast = np.full(56, y_train[-1]) if lags == 0 else np.repeat(y_train[-lags:].mean(), 56)
          rows.append({"model": name, "smape": smape(${window}, forecast)})
      scores = pd.DataFrame(rows).set_index("model").sort_values("smape")
      best = scores.index[0]
      print(best, smape(y_test, np.full(56, y_train[-1])))
    `,
  });

  it('fires when the production model is the best on the test window', () => {
    expect(of(code('y_test'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when it is the best on the validation window', () => {
    expect(of(code('y_val'), 'test-set-selection')).toEqual([]);
  });
});

describe('rolling features of the target per store and item', () => {
  const code = (window: string) => ({
    'demand.py': py`
      import lightgbm as lgb
      import pandas as pd
      from sklearn.metrics import mean_absolute_error

      KEYS = ["store_id", "item_id"]
      df = pd.read_parquet("sales.parquet").sort_values(KEYS + ["date"])
      target = "sales"
      grouped = df.groupby(KEYS)[target]
      df["lag_7"] = grouped.shift(7)
      df["rmean_28"] = grouped.transform(lambda s: ${window}.mean())
      feats = ["lag_7", "rmean_28"]
      train = df[df["date"] < "2024-01-01"]
      test = df[df["date"] >= "2024-01-01"]
      model = lgb.LGBMRegressor(random_state=0).fit(train[feats], train[target])
      print(mean_absolute_error(test[target], model.predict(test[feats])), mean_absolute_error(test[target], test["lag_7"]))
    `,
  });

  it('fires when the window includes the current row', () => {
    const found = of(code('s.rolling(28, min_periods=1)'), 'preprocessing-before-split');
    expect(found).toHaveLength(1);
    expect(found[0]!.issue).toMatch(/not shifted/);
  });

  it('stays silent when the series is shifted first', () => {
    expect(of(code('s.shift(1).rolling(28, min_periods=1)'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('an evaluation stage that reads a split back by name', () => {
  const code = (part: string) => ({
    'src/common.py': py`
      from pathlib import Path

      import pandas as pd


      def load_split(folder, name):
          return pd.read_parquet(Path(folder) / f"{name}.parquet")
    `,
    'src/prepare.py': py`
      import pandas as pd
      from sklearn.model_selection import train_test_split

      df = pd.read_csv("data/customers.csv")
      train, test = train_test_split(df, test_size=0.2, stratify=df["churn"], random_state=0)
      train.to_parquet("data/processed/train.parquet")
      test.to_parquet("data/processed/test.parquet")
    `,
    'src/train.py': py`
      import joblib
      from sklearn.linear_model import LogisticRegression

      from common import load_split

      frame = load_split("data/processed", "train")
      model = LogisticRegression(max_iter=1000).fit(frame.drop(columns=["churn"]), frame["churn"])
      joblib.dump(model, "model.joblib")
    `,
    'src/evaluate.py': py`
      import joblib
      from sklearn.dummy import DummyClassifier
      from sklearn.metrics import average_precision_score, roc_auc_score

      from common import load_split

      model = joblib.load("model.joblib")
      frame = load_split("data/processed", "${part}")
      X, y = frame.drop(columns=["churn"]), frame["churn"]
      p = model.predict_proba(X)[:, 1]
      print(roc_auc_score(y, p), average_precision_score(y, p))
    `,
  });

  it('fires when it scores the training split', () => {
    const found = of(code('train'), 'no-held-out-evaluation');
    expect(found).toHaveLength(1);
    expect(found[0]!.issue).toMatch(/never scored/);
  });

  it('stays silent when it scores the test split', () => {
    expect(of(code('test'), 'no-held-out-evaluation')).toEqual([]);
  });
});

describe('windows cut from continuous recordings', () => {
  const code = (split: string) => ({
    'detector.py': py`
      import glob

      import librosa
      import numpy as np
      from sklearn.dummy import DummyClassifier
      from sklearn.ensemble import RandomForestClassifier
      from sklearn.metrics import average_precision_score, roc_auc_score
      from sklearn.model_selection import GroupShuffleSplit, train_test_split

      SR, WIN, HOP = 16000, 2.0, 1.0
      feats, labels, recs = [], [], []
      for path in sorted(glob.glob("recordings/*.wav")):
          y, _ = librosa.load(path, sr=SR)
          n_win = int((len(y) / SR - WIN) // HOP) + 1
          for k in range(n_win):
              t0 = k * HOP
              seg = y[int(t0 * SR):int((t0 + WIN) * SR)]
              mel = librosa.power_to_db(librosa.feature.melspectrogram(y=seg, sr=SR))
              feats.append(np.r_[mel.mean(1), mel.std(1)])
              labels.append(int("chainsaw" in path))
              recs.append(path)
      X, y = np.vstack(feats), np.array(labels)
      ${split}
      for m in (RandomForestClassifier(random_state=0), DummyClassifier()):
          p = m.fit(X_tr, y_tr).predict_proba(X_te)[:, 1]
          print(roc_auc_score(y_te, p), average_precision_score(y_te, p))
    `,
  });
  const rule = 'shuffled-time-series-split';

  it('fire when the windows are shuffled into train and test', () => {
    expect(of(code('X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=3)'), rule)).toHaveLength(1);
  });

  it('stay silent when whole recordings are held out', () => {
    const split = py`
      tr, te = next(GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=3).split(X, y, groups=recs))
      X_tr, X_te, y_tr, y_te = X[tr], X[te], y[tr], y[te]
    `;
    expect(of(code(split.replace(/\n/g, '\n      ')), rule)).toEqual([]);
  });
});

describe('clips read in batches for frozen embeddings', () => {
  it('are not windows of one signal', () => {
    const found = of(
      {
        'embed.py': py`
          import librosa
          import numpy as np
          import pandas as pd
          from sklearn.dummy import DummyClassifier
          from sklearn.linear_model import LogisticRegression
          from sklearn.metrics import f1_score, roc_auc_score
          from sklearn.model_selection import train_test_split

          meta = pd.read_csv("clips.csv")
          wav = np.concatenate([librosa.load(p, sr=16000)[0][:16000] for p in meta["path"]])
          emb = []
          for start in range(0, len(wav), 16000):
              emb.append(np.abs(np.fft.rfft(wav[start:start + 16000]))[:128])
          X = np.vstack(emb)
          X_tr, X_te, y_tr, y_te = train_test_split(X, meta["label"], stratify=meta["label"], random_state=0)
          for m in (LogisticRegression(max_iter=1000), DummyClassifier()):
              p = m.fit(X_tr, y_tr).predict(X_te)
              print(f1_score(y_te, p), roc_auc_score(y_te, p))
        `,
      },
      'shuffled-time-series-split',
    );
    expect(found).toEqual([]);
  });
});

describe('candidates built by a factory with a branch per kind', () => {
  const code = (kinds: string) => ({
    'response.py': py`
      import pandas as pd
      from sklearn.ensemble import GradientBoostingClassifier
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import average_precision_score, roc_auc_score
      from sklearn.model_selection import train_test_split


      def build(kind):
          if kind == "logreg":
              return LogisticRegression(max_iter=3000, C=0.3)
          return GradientBoostingClassifier(random_state=0)


      df = pd.read_csv("campaign.csv")
      X, y = df.drop(columns=["responded"]), df["responded"]
      X_tr, X_te, y_tr, y_te = train_test_split(X, y, stratify=y, random_state=0)
      for kind in ${kinds}:
          p = build(kind).fit(X_tr, y_tr).predict_proba(X_te)[:, 1]
          print(kind, roc_auc_score(y_te, p), average_precision_score(y_te, p))
    `,
  });

  it('count the simple model as the baseline', () => {
    expect(of(code('("logreg", "gbm")'), 'no-baseline')).toEqual([]);
  });

  it('still ask for a baseline when only the boosted model is built', () => {
    const only = code('("gbm",)');
    only['response.py'] = only['response.py'].replace('    if kind == "logreg":\n        return LogisticRegression(max_iter=3000, C=0.3)\n', '');
    expect(only['response.py']).not.toContain('LogisticRegression(max_iter');
    expect(of(only, 'no-baseline')).toHaveLength(1);
  });
});

describe('normalisation statistics of a Dataset object, stored in it and then split', () => {
  const code = (order: string) => ({
    'kws.py': py`
      import torch
      import torchaudio
      from torch.utils.data import DataLoader, Dataset, random_split


      class Clips(Dataset):
          def __init__(self, items):
              self.items = items
              self.mean, self.std = None, None

          def set_normalization(self, mean, std):
              self.mean, self.std = mean, std

          def log_mel(self, idx):
              wav, sr = torchaudio.load(self.items[idx][0])
              return torchaudio.transforms.MelSpectrogram(sr)(wav).log1p()

          def __len__(self):
              return len(self.items)

          def __getitem__(self, idx):
              x = self.log_mel(idx)
              if self.mean is not None:
                  x = (x - self.mean) / self.std
              return x, self.items[idx][1]


      def compute_norm_stats(ds):
          total, total_sq, n = 0.0, 0.0, 0
          for i in range(len(ds)):
              f = ds.log_mel(i)[0]
              total = total + f.sum(dim=1)
              total_sq = total_sq + (f ** 2).sum(dim=1)
              n += f.shape[1]
          mean = total / n
          return mean, torch.sqrt(total_sq / n - mean ** 2)


      torch.manual_seed(0)
      dataset = Clips([(f"clips/{i}.wav", i % 10) for i in range(5000)])
      ${order}
      loader = DataLoader(train_ds, batch_size=64, shuffle=True, generator=torch.Generator().manual_seed(0))
    `,
  });
  const rule = 'preprocessing-before-split';

  it('fires when the statistics of every clip are stored before random_split', () => {
    const order = py`
      mean, std = compute_norm_stats(dataset)
      dataset.set_normalization(mean, std)
      train_ds, val_ds, test_ds = random_split(dataset, [4000, 500, 500], generator=torch.Generator().manual_seed(0))
    `;
    expect(of(code(order.replace(/\n/g, '\n      ')), rule)).toHaveLength(1);
  });

  it('stays silent when they are computed on the training subset', () => {
    const order = py`
      train_ds, val_ds, test_ds = random_split(dataset, [4000, 500, 500], generator=torch.Generator().manual_seed(0))
      mean, std = compute_norm_stats(train_ds)
    `;
    expect(of(code(order.replace(/\n/g, '\n      ')), rule)).toEqual([]);
  });
});

describe('experimentation code (A/B tests, uplift), where "test" and `tr`/`co` name no held-out part', () => {
  const readout = (file: string) => ({
    'readout.py': py`
      import lightgbm as lgb
      import numpy as np
      import pandas as pd
      from sklearn.metrics import mean_absolute_error, r2_score

      hist = pd.read_parquet("data/pre_launch_users.parquet")
      exp = pd.read_parquet("data/${file}.parquet")
      cut = hist["week"].max() - 1
      fit_part, val_part = hist[hist["week"] < cut], hist[hist["week"] >= cut]
      model = lgb.LGBMRegressor(random_state=0).fit(fit_part[["visits"]], fit_part["rev"])
      pred = model.predict(val_part[["visits"]])
      print(r2_score(val_part["rev"], pred), mean_absolute_error(val_part["rev"], np.full(len(pred), fit_part["rev"].mean())))
      exp["x"] = model.predict(exp[["visits"]])
      t = (exp["variant"] == "treatment").to_numpy()
      y = exp["rev"].to_numpy()
      print(y[t].mean() - y[~t].mean(), np.cov(y, exp["x"])[0, 1] / exp["x"].var())
    `,
  });

  it('stay silent for an experiment population read from checkout_test_users', () => {
    expect(severe(readout('checkout_test_users'))).toEqual([]);
  });

  it('stay silent for treated and control arms named tr and co', () => {
    const found = severe({
      'xlearner.py': py`
        import pandas as pd
        from sklearn.ensemble import GradientBoostingClassifier
        from sklearn.model_selection import train_test_split

        exp = pd.read_parquet("rct.parquet")
        train, test = train_test_split(exp, test_size=0.3, stratify=exp["treatment"], random_state=0)


        def fit_arms(frame):
            tr, co = frame[frame["treatment"] == 1], frame[frame["treatment"] == 0]
            return GradientBoostingClassifier(random_state=0).fit(tr[["age"]], tr["y"]), GradientBoostingClassifier(random_state=0).fit(co[["age"]], co["y"])


        m1, m0 = fit_arms(train)
        uplift = m1.predict_proba(test[["age"]])[:, 1] - m0.predict_proba(test[["age"]])[:, 1]
        print(uplift.mean(), test.groupby("treatment")["y"].mean())
        final = fit_arms(exp)
      `,
    });
    expect(found).toEqual([]);
  });

  it('still find a scaler fitted on the test file of ordinary ML code', () => {
    const found = severe({
      'train.py': py`
        import pandas as pd
        from sklearn.dummy import DummyClassifier
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import f1_score, roc_auc_score
        from sklearn.preprocessing import StandardScaler

        train = pd.read_csv("data/train_users.csv")
        test = pd.read_csv("data/checkout_test_users.csv")
        scaler = StandardScaler().fit(test[["visits"]])
        for m in (LogisticRegression(), DummyClassifier()):
            p = m.fit(scaler.transform(train[["visits"]]), train["y"]).predict(scaler.transform(test[["visits"]]))
            print(f1_score(test["y"], p), roc_auc_score(test["y"], p))
      `,
    });
    expect(found.map((f) => f.rule)).toEqual(['fit-on-test']);
  });
});
