// Round-nine idioms (learning to rank, causal inference and uplift, image transfer learning, embeddings): features
// that are a model's predictions, statistics per treatment arm, and selections made on the test rows of an
// experiment. Each mechanism fires on the wrong variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\nlightgbm==4.5.0\ntorch==2.5.1\n' };
const severe = (files: Record<string, string>) => analyze({ ...REQ, ...files }).findings.filter((f) => f.severity === 'CRITICAL' || f.severity === 'HIGH');

describe('a propensity score added as a feature by a helper', () => {
  const helper = py`
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler


    def add_propensity(df, covariates, treatment):
        model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
        model.fit(df[covariates], df[treatment])
        out = df.copy()
        out["pscore"] = np.clip(model.predict_proba(df[covariates])[:, 1], 0.01, 0.99)
        return out
  `;
  const main = (body: string) => py`
    import pandas as pd
    from lightgbm import LGBMClassifier
    from sklearn.dummy import DummyClassifier
    from sklearn.metrics import roc_auc_score, f1_score
    from sklearn.model_selection import train_test_split
    from features import add_propensity

    COVS = ["tenure", "spend", "visits"]
    df = pd.read_parquet("offers.parquet")
    ${body}
    for m in (LGBMClassifier(random_state=0), DummyClassifier()):
        m.fit(train[COVS + ["pscore"]], train["renewed"])
        p = m.predict_proba(test[COVS + ["pscore"]])[:, 1]
        print(roc_auc_score(test["renewed"], p), f1_score(test["renewed"], p > 0.5))
  `;

  it('fires when it is fitted on every customer before the split, cited at the call', () => {
    const found = severe({
      'features.py': helper,
      'train.py': main(`df = add_propensity(df, COVS, "offered")
    train, test = train_test_split(df, test_size=0.25, stratify=df["renewed"], random_state=0)`),
    });
    const leak = found.find((f) => f.rule === 'preprocessing-before-split');
    expect(leak).toMatchObject({ file: 'train.py', line: 10 });
    expect(leak?.issue).toMatch(/LogisticRegression model whose predictions become a feature/);
    expect(leak?.sites).toContainEqual({ file: 'features.py', line: 9 });
  });

  it('stays silent when each part gets scores of a model fitted on the training part', () => {
    const found = severe({
      'features.py': helper.replace('def add_propensity(df, covariates, treatment):', 'def add_propensity(df, covariates, treatment, fit_on):').replace('model.fit(df[covariates], df[treatment])', 'model.fit(fit_on[covariates], fit_on[treatment])'),
      'train.py': main(`train, test = train_test_split(df, test_size=0.25, stratify=df["renewed"], random_state=0)
    train, test = add_propensity(train, COVS, "offered", train), add_propensity(test, COVS, "offered", train)`),
    });
    expect(found).toEqual([]);
  });

  it('stays silent on in-sample predictions of a model fitted on all rows when nothing is split afterwards', () => {
    const found = severe({
      'diagnose.py': py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression

        df = pd.read_parquet("offers.parquet")
        model = LogisticRegression(max_iter=1000).fit(df[["tenure", "spend"]], df["offered"])
        df["pscore"] = model.predict_proba(df[["tenure", "spend"]])[:, 1]
        print(df.groupby("offered")["pscore"].describe())
      `,
    });
    expect(found.filter((f) => f.rule === 'preprocessing-before-split')).toEqual([]);
  });
});

describe('outcome rates per segment and treatment arm, built by a helper and merged back', () => {
  const nb = (body: string) => ({
    'uplift.py': py`
      import pandas as pd
      from catboost import CatBoostClassifier
      from sklearn.dummy import DummyClassifier
      from sklearn.metrics import roc_auc_score, average_precision_score
      from sklearn.model_selection import train_test_split

      SEED = 7
      df = pd.read_csv("push_rct.csv")


      def arm_rates(frame, key, y="ordered_7d", t="treatment", prior=200):
          stats = frame.groupby([key, t])[y].agg(["sum", "count"]).unstack(t)
          rate_t = (stats[("sum", 1)] + prior) / (stats[("count", 1)] + prior)
          rate_c = (stats[("sum", 0)] + prior) / (stats[("count", 0)] + prior)
          return pd.DataFrame({f"{key}_rate_t": rate_t, f"{key}_lift": rate_t - rate_c})


      ${body}
      features = ["tenure_days", "city_rate_t", "city_lift"]
      for m in (CatBoostClassifier(random_seed=SEED, verbose=0), DummyClassifier()):
          m.fit(train[features], train["z"])
          p = m.predict_proba(test[features])[:, 1]
          print(roc_auc_score(test["z"], p), average_precision_score(test["z"], p))
    `,
  });

  it('fires when the rates of every customer are merged before the split, cited at the call', () => {
    const found = severe(nb(`df = df.merge(arm_rates(df, "city"), left_on="city", right_index=True, how="left")
      train, test = train_test_split(df, test_size=0.3, random_state=SEED, stratify=df["z"])`));
    const leak = found.find((f) => f.rule === 'preprocessing-before-split');
    expect(leak).toMatchObject({ line: 18 });
    expect(leak?.sites).toContainEqual({ file: 'uplift.py', line: 12 });
  });

  it('stays silent when the rates come from the training part and are merged into both parts', () => {
    const found = severe(nb(`train, test = train_test_split(df, test_size=0.3, random_state=SEED, stratify=df["z"])
      rates = arm_rates(train, "city")
      train = train.merge(rates, left_on="city", right_index=True, how="left")
      test = test.merge(rates, left_on="city", right_index=True, how="left")`));
    expect(found).toEqual([]);
  });
});

describe('a T-learner grid ranked by a Qini coefficient written by hand', () => {
  const nb = (scored: string, reference: string) => ({
    'tune.py': py`
      import itertools
      import numpy as np
      import pandas as pd
      from lightgbm import LGBMClassifier
      from sklearn.model_selection import train_test_split

      SEED = 2024
      df = pd.read_csv("coupon_rct.csv")
      cols = ["pre_spend", "pre_visits", "tenure"]
      strata = df["treatment"].astype(str) + df["purchase"].astype(str)
      dev, test = train_test_split(df, test_size=0.3, stratify=strata, random_state=SEED)
      tr, va = train_test_split(dev, test_size=0.25, stratify=strata.loc[dev.index], random_state=SEED)
      X_tr, y_tr, t_tr = tr[cols], tr["purchase"].values, tr["treatment"].values
      X_va, y_va, t_va = va[cols], va["purchase"].values, va["treatment"].values
      X_te, y_te, t_te = test[cols], test["purchase"].values, test["treatment"].values


      def qini_coefficient(y, t, uplift, bins=20):
          order = np.argsort(-uplift)
          y, t = y[order], t[order]
          pts = [0.0]
          for c in np.linspace(0, len(y), bins + 1).astype(int)[1:]:
              yt, tt = y[:c], t[:c]
              gain = yt[tt == 1].sum() - yt[tt == 0].sum() * tt.sum() / max((1 - tt).sum(), 1)
              pts.append(gain / len(y))
          pts = np.array(pts)
          return float(np.mean(pts - np.linspace(0, pts[-1], len(pts))))


      def t_learner(params):
          m1 = LGBMClassifier(**params, random_state=SEED).fit(X_tr[t_tr == 1], y_tr[t_tr == 1])
          m0 = LGBMClassifier(**params, random_state=SEED).fit(X_tr[t_tr == 0], y_tr[t_tr == 0])
          return m1, m0


      results = []
      for leaves, lr in itertools.product([15, 31, 63], [0.02, 0.05]):
          params = {"num_leaves": leaves, "learning_rate": lr}
          m1, m0 = t_learner(params)
          uplift = m1.predict_proba(${scored})[:, 1] - m0.predict_proba(${scored})[:, 1]
          results.append({**params, "qini": qini_coefficient(${scored === 'X_te' ? 'y_te, t_te' : 'y_va, t_va'}, uplift)})

      results = pd.DataFrame(results).sort_values("qini", ascending=False)
      best = results.iloc[0].drop("qini").to_dict()
      m1, m0 = t_learner({"num_leaves": int(best["num_leaves"]), "learning_rate": best["learning_rate"]})
      uplift_te = m1.predict_proba(X_te)[:, 1] - m0.predict_proba(X_te)[:, 1]
      rng = np.random.default_rng(SEED)
      print("Qini (T-learner):", round(qini_coefficient(y_te, t_te, uplift_te), 5))
      ${reference}
    `,
  });
  const randomRef = 'print("Qini (random):", round(qini_coefficient(y_te, t_te, rng.random(len(y_te))), 5))';

  it('fires when every configuration is scored on the test split and the best is kept', () => {
    const found = severe(nb('X_te', randomRef));
    expect(found.map((f) => [f.rule, f.line])).toContainEqual(['test-set-selection', 41]);
  });

  it('stays silent when the configurations are scored on the validation split', () => {
    expect(severe(nb('X_va', randomRef))).toEqual([]);
  });

  it('takes the Qini of a random ranking, reported as such, for the baseline', () => {
    const rules = (reference: string) => analyze({ ...REQ, ...nb('X_va', reference) }).findings.map((f) => f.rule);
    expect(rules(randomRef)).not.toContain('no-baseline');
    expect(rules('')).toContain('no-baseline');
  });
});

describe('an input computed from the label column', () => {
  const script = (basket: string, pick: string) => ({
    'slearner.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.dummy import DummyRegressor
      from sklearn.metrics import mean_absolute_error, r2_score
      from sklearn.model_selection import train_test_split
      from xgboost import XGBRegressor

      PRE = ["tenure_days", "orders_365d", "revenue_365d"]
      data = pd.read_parquet("customers.parquet")
      data["avg_basket"] = np.where(data["orders_30d"] > 0, ${basket}, 0.0)
      train, test = train_test_split(data, test_size=0.25, random_state=11)
      ${pick}
      for m in (XGBRegressor(random_state=11), DummyRegressor()):
          m.fit(X_tr, train["revenue_30d"])
          p = m.predict(X_te)
          print(mean_absolute_error(test["revenue_30d"], p), r2_score(test["revenue_30d"], p))
    `,
  });
  const listed = `features = PRE + ["avg_basket", "treated"]
      X_tr, X_te = train[features], test[features]`;
  const dropped = 'X_tr, X_te = train.drop(columns=["revenue_30d", "orders_30d"]), test.drop(columns=["revenue_30d", "orders_30d"])';

  it('fires when the feature list holds it, cited where the list names it', () => {
    const leak = severe(script('data["revenue_30d"] / data["orders_30d"]', listed)).find((f) => f.rule === 'preprocessing-before-split');
    expect(leak).toMatchObject({ line: 12, title: 'An input computed from the label' });
    expect(leak?.sites).toContainEqual({ file: 'slearner.py', line: 10 });
  });

  it('fires when the inputs are every column but the label', () => {
    const leak = severe(script('data["revenue_30d"] / data["orders_30d"]', dropped)).find((f) => f.rule === 'preprocessing-before-split');
    expect(leak).toMatchObject({ line: 12, title: 'An input computed from the label' });
  });

  it('stays silent when it is computed from the columns of the year before', () => {
    expect(severe(script('data["revenue_365d"] / data["orders_365d"]', listed))).toEqual([]);
    expect(severe(script('data["revenue_365d"] / data["orders_365d"]', dropped))).toEqual([]);
  });
});

describe('a random ranking scored next to the model', () => {
  const script = (extra: string) => ({
    'forward.py': py`
      import numpy as np
      import pandas as pd
      from lightgbm import LGBMClassifier
      from sklearn.metrics import roc_auc_score

      SEED = 3
      panel = pd.read_parquet("panel.parquet").sort_values("week")
      cut = panel["week"].quantile(0.8)
      train, test = panel[panel["week"] <= cut], panel[panel["week"] > cut]
      params = {"num_leaves": 31, "random_state": SEED}
      model = LGBMClassifier(**params).fit(train[["a", "b"]], train["y"])
      candidates = {
          "model": model.predict_proba(test[["a", "b"]])[:, 1],
          ${extra}
      }
      for name, s in candidates.items():
          print(name, roc_auc_score(test["y"], s))
    `,
  });
  const rules = (extra: string) => analyze({ ...REQ, ...script(extra) }).findings.map((f) => f.rule);

  it('is the baseline when it is listed under its name', () => {
    expect(rules('"random": np.random.default_rng(SEED).random(len(test)),')).not.toContain('no-baseline');
  });

  it('is not stood in for by a random_state setting', () => {
    expect(rules('"second": model.predict_proba(test[["a", "b"]])[:, 1],')).toContain('no-baseline');
  });
});

describe('a dataset class that reads its split file in __init__, named in the settings', () => {
  const files = (evalCsv: string, seed: string) => ({
    'config.yaml': `seed: 17\ndata:\n  train_csv: splits/train.csv\n  eval_csv: ${evalCsv}\n  test_csv: splits/test.csv\nepochs: 20\n`,
    'data.py': py`
      import pandas as pd
      import torch
      from torch.utils.data import Dataset


      class LesionDataset(Dataset):
          def __init__(self, csv_path):
              self.df = pd.read_csv(csv_path)

          def __len__(self):
              return len(self.df)

          def __getitem__(self, idx):
              row = self.df.iloc[idx]
              return torch.tensor(row["pixels"]), torch.tensor(row["label"])
    `,
    'train.py': py`
      import timm
      import torch
      import yaml
      from sklearn.metrics import balanced_accuracy_score, f1_score
      from timm.utils import random_seed
      from torch.utils.data import DataLoader
      from data import LesionDataset

      cfg = yaml.safe_load(open("config.yaml"))
      ${seed}
      model = timm.create_model("resnet18", pretrained=True, num_classes=8)
      train_dl = DataLoader(LesionDataset(cfg["data"]["train_csv"]), batch_size=32, shuffle=True)
      eval_dl = DataLoader(LesionDataset(cfg["data"]["eval_csv"]), batch_size=64)
      opt = torch.optim.AdamW(model.parameters(), lr=3e-4)


      @torch.no_grad()
      def evaluate(loader):
          model.eval()
          preds, gold = [], []
          for x, y in loader:
              preds.append(model(x).argmax(1))
              gold.append(y)
          p, g = torch.cat(preds), torch.cat(gold)
          return {"balanced_acc": balanced_accuracy_score(g, p), "macro_f1": f1_score(g, p, average="macro")}


      best, patience = -1.0, 0
      for epoch in range(cfg["epochs"]):
          model.train()
          for x, y in train_dl:
              opt.zero_grad()
              torch.nn.functional.cross_entropy(model(x), y).backward()
              opt.step()
          metrics = evaluate(eval_dl)
          if metrics["balanced_acc"] > best:
              best, patience = metrics["balanced_acc"], 0
              torch.save(model.state_dict(), "best.pt")
          else:
              patience += 1
              if patience >= 5:
                  break
    `,
  });

  it('fires when the per-epoch evaluation set is the test file: the checkpoint is kept by its score', () => {
    const found = severe(files('splits/test.csv', 'random_seed(cfg["seed"])'));
    expect(found.map((f) => [f.rule, f.file, f.line])).toContainEqual(['test-set-selection', 'train.py', 36]);
  });

  it('stays silent when it is the validation file, seeded with timm.utils.random_seed', () => {
    expect(severe(files('splits/val.csv', 'random_seed(cfg["seed"])'))).toEqual([]);
  });

  it('reports the missing seed without it', () => {
    expect(severe(files('splits/val.csv', 'print(cfg)')).map((f) => f.rule)).toEqual(['missing-random-seed']);
  });
});

describe('normalisation statistics of every image listed from a folder', () => {
  const files = (statsOf: string) => ({
    'crops.py': py`
      from pathlib import Path

      import numpy as np
      from PIL import Image
      from torch.utils.data import Dataset


      def list_images(root, classes):
          paths, labels = [], []
          for label, name in enumerate(classes):
              for path in sorted((Path(root) / name).iterdir()):
                  paths.append(str(path))
                  labels.append(label)
          return paths, labels


      def channel_mean_std(paths):
          total, total_sq, n = np.zeros(3), np.zeros(3), 0
          for p in paths:
              arr = np.asarray(Image.open(p).convert("RGB"), dtype=np.float64) / 255.0
              total += arr.sum(axis=(0, 1))
              total_sq += (arr ** 2).sum(axis=(0, 1))
              n += arr.shape[0] * arr.shape[1]
          mean = total / n
          return mean.tolist(), np.sqrt(total_sq / n - mean ** 2).tolist()


      class CropDataset(Dataset):
          def __init__(self, paths, labels, transform):
              self.paths, self.labels, self.transform = list(paths), list(labels), transform

          def __len__(self):
              return len(self.paths)

          def __getitem__(self, i):
              return self.transform(Image.open(self.paths[i]).convert("RGB")), self.labels[i]
    `,
    'train.py': py`
      from sklearn.model_selection import train_test_split
      from torchvision import transforms
      from crops import CropDataset, channel_mean_std, list_images

      paths, labels = list_images("data/pcb", ["short", "spur", "open"])
      train_p, test_p, train_y, test_y = train_test_split(paths, labels, test_size=0.2, stratify=labels, random_state=0)
      mean, std = channel_mean_std(${statsOf})
      tf = transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)])
      train_ds = CropDataset(train_p, train_y, tf)
      test_ds = CropDataset(test_p, test_y, tf)
    `,
  });
  const leaks = (statsOf: string) => analyze({ ...REQ, ...files(statsOf) }).findings.filter((f) => f.rule === 'preprocessing-before-split');

  it('fires when they are computed over all the listed files, which are split afterwards', () => {
    expect(leaks('paths')).toMatchObject([{ file: 'train.py', line: 7 }]);
  });

  it('stays silent when they are computed over the training files only', () => {
    expect(leaks('train_p')).toEqual([]);
  });
});

describe('a projection fitted on all rows and written into columns of the frame for a plot', () => {
  const nb = (inputs: string) => ({
    'issues.py': py`
      import numpy as np
      import pandas as pd
      import umap
      from sklearn.dummy import DummyClassifier
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import f1_score, balanced_accuracy_score
      from sklearn.model_selection import train_test_split

      SEED = 0
      reviews = pd.read_csv("reviews.csv")
      emb = reviews.filter(like="emb_").to_numpy()
      xy = umap.UMAP(random_state=SEED).fit_transform(emb)
      reviews["umap_x"], reviews["umap_y"] = xy[:, 0], xy[:, 1]
      print(reviews.groupby("issue_type")[["umap_x", "umap_y"]].mean())
      X = ${inputs}
      y = reviews["issue_type"].values
      X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
      for m in (DummyClassifier(), LogisticRegression(max_iter=1000)):
          p = m.fit(X_train, y_train).predict(X_test)
          print(f1_score(y_test, p, average="macro"), balanced_accuracy_score(y_test, p))
    `,
  });
  const leaks = (inputs: string) => severe(nb(inputs)).filter((f) => f.rule === 'preprocessing-before-split');

  it('stays silent when the model gets the raw embeddings and the label column is read from the frame', () => {
    expect(leaks('emb')).toEqual([]);
  });

  it('fires when the projected columns are among the inputs', () => {
    expect(leaks('reviews[["umap_x", "umap_y", "rating"]]')).toMatchObject([{ line: 12 }]);
  });
});

describe('class prototypes (mean embedding per label) used as similarity features', () => {
  const files = (rows: string) => ({
    'protos.py': py`
      import numpy as np


      def class_centroids(emb, labels):
          classes = np.unique(labels)
          cents = np.stack([emb[labels == c].mean(axis=0) for c in classes])
          return classes, cents / np.linalg.norm(cents, axis=1, keepdims=True)
    `,
    'router.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.dummy import DummyClassifier
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import f1_score, balanced_accuracy_score
      from sklearn.model_selection import train_test_split
      from protos import class_centroids

      df = pd.read_csv("tickets.csv")
      y = df["category"].values
      emb = df.filter(like="emb_").to_numpy()
      idx_tr, idx_te = train_test_split(np.arange(len(df)), test_size=0.2, stratify=y, random_state=0)
      classes, cents = class_centroids(${rows})
      X = np.hstack([emb, emb @ cents.T])
      for m in (DummyClassifier(), LogisticRegression(max_iter=1000)):
          p = m.fit(X[idx_tr], y[idx_tr]).predict(X[idx_te])
          print(f1_score(y[idx_te], p, average="macro"), balanced_accuracy_score(y[idx_te], p))
    `,
  });
  const leaks = (rows: string) => severe(files(rows)).filter((f) => f.rule === 'preprocessing-before-split');

  it('fires when the prototypes are the means of every labelled row', () => {
    expect(leaks('emb, y')).toMatchObject([{ file: 'router.py', line: 13 }]);
  });

  it('stays silent when they are the means of the training rows', () => {
    expect(leaks('emb[idx_tr], y[idx_tr]')).toEqual([]);
  });
});
