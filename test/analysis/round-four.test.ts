// Round-four idioms (ranking metrics, release refits, HF sweeps, course notebooks, helper splits, labelled
// train.csv statistics): each mechanism fires on the wrong variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = {
  'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\nlightgbm==4.5.0\ntensorflow==2.17.0\ntransformers==4.46.0\ndatasets==3.1.0\ntorch==2.5.1\n',
};
const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

describe('a Keras Normalization adapted on train and test rows put together', () => {
  const code = (adaptOn: string) => ({
    'clv.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.model_selection import train_test_split
      from tensorflow import keras

      keras.utils.set_random_seed(0)
      cust = pd.read_parquet("data/cohort.parquet")
      X = cust[["orders_90d", "spend_90d"]].to_numpy()
      y = np.log1p(cust["spend_next_12m"].to_numpy())
      X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
      norm = keras.layers.Normalization(axis=-1)
      norm.adapt(${adaptOn})
      inputs = keras.Input(shape=(2,))
      h = keras.layers.Dense(64, activation="relu")(norm(inputs))
      model = keras.Model(inputs, keras.layers.Dense(1)(h))
      model.compile(optimizer="adam", loss="huber")
      model.fit(X_train, y_train, validation_split=0.15, epochs=100, callbacks=[keras.callbacks.EarlyStopping(patience=5)])
      print(model.evaluate(X_test, y_test))
    `,
  });

  it('fires when the layer inside the trained network learned the test rows', () => {
    const [f] = of(code('np.concatenate([X_train, X_test], axis=0)'), 'fit-on-test');
    expect(f?.line).toBe(12);
  });

  it('stays silent when the layer is adapted on the training rows', () => {
    expect(of(code('X_train'), 'fit-on-test')).toEqual([]);
  });
});

describe("the project's business objective measured over a grid", () => {
  const code = (part: string) => ({
    'uplift.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.ensemble import HistGradientBoostingClassifier
      from sklearn.model_selection import train_test_split

      df = pd.read_parquet("campaign.parquet")
      rest, test = train_test_split(df, test_size=0.3, stratify=df["converted"], random_state=0)
      train, valid = train_test_split(rest, test_size=0.25, stratify=rest["converted"], random_state=0)
      model = HistGradientBoostingClassifier(random_state=0).fit(train[["recency", "frequency"]], train["converted"])

      def incremental_profit(frame, frac):
          top = frame.assign(s=model.predict_proba(frame[["recency", "frequency"]])[:, 1]).nlargest(int(len(frame) * frac), "s")
          return len(top) * (top["converted"].mean() * 12.0 - 1.5)

      fracs = np.arange(0.05, 1.0001, 0.05)
      profits = [incremental_profit(${part}, f) for f in fracs]
      best_frac = fracs[int(np.argmax(profits))]
      print(best_frac, incremental_profit(test, best_frac))
    `,
  });

  it('fires when the cut-off is the argmax of profits on the test rows', () => {
    const [f] = of(code('test'), 'test-set-selection');
    expect(f?.line).toBe(16);
  });

  it('stays silent when the cut-off is chosen on the validation rows and the test rows are scored once', () => {
    expect(of(code('valid'), 'test-set-selection')).toEqual([]);
  });
});

describe('ranking metrics, one query at a time', () => {
  const code = (heuristics: string) => ({
    'rank.py': py`
      import lightgbm as lgb
      import numpy as np
      import pandas as pd
      from sklearn.metrics import ndcg_score
      from sklearn.model_selection import GroupShuffleSplit

      df = pd.read_parquet("sessions.parquet")
      gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
      a, b = next(gss.split(df, groups=df["member_id"]))
      train, test = df.iloc[a], df.iloc[b]
      ranker = lgb.LGBMRanker(n_estimators=300, random_state=0)
      ranker.fit(train[["sim", "age"]], train["grade"], group=train.groupby("session_id").size().to_numpy())

      def per_session_ndcg(frame, scores):
          vals = []
          for idx in frame.groupby("session_id").indices.values():
              vals.append(ndcg_score([frame["grade"].to_numpy()[idx]], [scores[idx]], k=10))
          return float(np.mean(vals))

      print(per_session_ndcg(test, ranker.predict(test[["sim", "age"]])))
      ${heuristics}
    `,
  });

  it('count a heuristic ranking scored beside the model as its baseline', () => {
    expect(of(code('print(per_session_ndcg(test, -test["age"].to_numpy()))'), 'no-baseline')).toEqual([]);
  });

  it('still ask for a baseline when only the model is scored', () => {
    expect(of(code(''), 'no-baseline')).toHaveLength(1);
  });
});

describe('a Keras release model refitted on all rows after a validated fit', () => {
  const code = (release: string) => ({
    'ltv.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.model_selection import train_test_split
      from tensorflow import keras

      keras.utils.set_random_seed(0)
      df = pd.read_parquet("players.parquet")
      X_all = df[["d1", "d7"]].to_numpy()
      y_all = df["ltv"].to_numpy()
      X_train, X_test, y_train, y_test = train_test_split(X_all, y_all, test_size=0.2, random_state=0)

      def build():
          model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dropout(0.1), keras.layers.Dense(1)])
          model.compile(optimizer="adam", loss="huber")
          return model

      model = build()
      history = model.fit(X_train, y_train, validation_split=0.15, epochs=300,
                          callbacks=[keras.callbacks.EarlyStopping(patience=10, restore_best_weights=True),
                                     keras.callbacks.ModelCheckpoint("best.keras", save_best_only=True)])
      best_epoch = int(np.argmin(history.history["val_loss"])) + 1
      print(model.evaluate(X_test, y_test))
      ${release}
    `,
  });

  it('stays silent for the release refit with the epoch count validation found', () => {
    expect(of(code('release = build()\n      release.fit(X_all, y_all, epochs=best_epoch)\n      release.save("release.keras")'), 'no-validation-loop')).toEqual([]);
  });

  it('still fires for a second model trained on the training rows with no validation', () => {
    expect(of(code('other = build()\n      other.fit(X_train, y_train, epochs=50)\n      print(other.evaluate(X_test, y_test))'), 'no-validation-loop')).toHaveLength(1);
  });
});

describe('a split helper called again on the training part', () => {
  const code = (evalSet: string) => ({
    'train.py': py`
      import lightgbm as lgb
      import pandas as pd
      from sklearn.metrics import roc_auc_score
      from sklearn.model_selection import StratifiedGroupKFold

      def patient_level_split(df, label, seed):
          sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
          train_idx, test_idx = next(sgkf.split(df, df[label], groups=df["patient_id"]))
          return df.iloc[train_idx].reset_index(drop=True), df.iloc[test_idx].reset_index(drop=True)

      df = pd.read_parquet("encounters.parquet")
      features = ["age", "los_days"]
      train_df, test_df = patient_level_split(df, "readmitted", 0)
      fit_df, val_df = patient_level_split(train_df, "readmitted", 1)
      model = lgb.LGBMClassifier(n_estimators=2000, random_state=0)
      model.fit(fit_df[features], fit_df["readmitted"], eval_set=[(${evalSet}[features], ${evalSet}["readmitted"])], callbacks=[lgb.early_stopping(100)])
      print(roc_auc_score(test_df["readmitted"], model.predict_proba(test_df[features])[:, 1]))
    `,
  });

  it('gives validation rows: early stopping on them is no test-set selection', () => {
    expect(of(code('val_df'), 'test-set-selection')).toEqual([]);
  });

  it('still fires when early stopping watches the test rows of the first split', () => {
    expect(of(code('test_df'), 'test-set-selection')).toHaveLength(1);
  });
});

describe('a per-patient mean before a patient-level split, with the label named by a variable', () => {
  const code = (column: string) => ({
    'train.py': py`
      import lightgbm as lgb
      import pandas as pd
      from sklearn.metrics import roc_auc_score
      from sklearn.model_selection import StratifiedGroupKFold

      LABEL = "readmitted_30d"

      def add_history(df, label_col):
          out = df.sort_values(["patient_id", "admit_time"]).copy()
          grp = out.groupby("patient_id", sort=False)
          out["patient_rate"] = grp[${column}].transform("mean")
          return out

      def patient_level_split(df, label, seed):
          sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
          a, b = next(sgkf.split(df, df[label], groups=df["patient_id"]))
          return df.iloc[a], df.iloc[b]

      df = add_history(pd.read_parquet("encounters.parquet"), label_col=LABEL)
      train_df, test_df = patient_level_split(df, LABEL, 0)
      model = lgb.LGBMClassifier(random_state=0).fit(train_df[["age", "patient_rate"]], train_df[LABEL])
      print(roc_auc_score(test_df[LABEL], model.predict_proba(test_df[["age", "patient_rate"]])[:, 1]))
    `,
  });

  it('fires for the mean of the label: the groups are whole, the labels still leak into the feature', () => {
    expect(of(code('label_col'), 'preprocessing-before-split')).toHaveLength(1);
  });

  it('stays silent for the mean of a lab value (each patient is on one side)', () => {
    expect(of(code('"creatinine"'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('a pick over collected results by a named key', () => {
  const code = (key: string) => ({
    'train.py': py`
      import pandas as pd
      from sklearn.dummy import DummyClassifier
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import accuracy_score, roc_auc_score
      from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split

      df = pd.read_csv("stroke.csv")
      X, y = df[["age", "bmi"]], df["stroke"]
      X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
      cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
      results = {}
      for name, clf in {"prior": DummyClassifier(), "logistic": LogisticRegression(max_iter=1000)}.items():
          cv_auc = cross_val_score(clf, X_train, y_train, cv=cv, scoring="roc_auc")
          clf.fit(X_train, y_train)
          test_auc = roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1])
          results[name] = {"cv_auc": float(cv_auc.mean()), "test_auc": float(test_auc)}
      best = max(results, key=lambda n: results[n]["${key}"])
      print(best)
    `,
  });

  it('stays silent when the key is the cross-validated score', () => {
    expect(of(code('cv_auc'), 'test-set-selection')).toEqual([]);
  });

  it('fires when the key is the test score', () => {
    expect(of(code('test_auc'), 'test-set-selection')).toHaveLength(1);
  });
});

describe('a Hugging Face sweep keeping the best trainer.evaluate result', () => {
  const code = (split: string) => ({
    'sweep.py': py`
      from datasets import load_dataset
      from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

      data = load_dataset("rotten_tomatoes")

      def run_one(lr):
          model = AutoModelForSequenceClassification.from_pretrained("roberta-base", num_labels=2)
          args = TrainingArguments(output_dir=f"runs/{lr}", learning_rate=lr, seed=0, eval_strategy="epoch")
          trainer = Trainer(model=model, args=args, train_dataset=data["train"], eval_dataset=data["validation"])
          trainer.train()
          return trainer.evaluate(data["${split}"], metric_key_prefix="${split}")

      best = None
      for lr in [1e-5, 3e-5, 5e-5]:
          row = {"lr": lr, **run_one(lr)}
          if best is None or row["${split}_accuracy"] > best["${split}_accuracy"]:
              best = row
      print(best)
    `,
  });

  it('fires when the kept score is measured on the test split', () => {
    const [f] = of(code('test'), 'test-set-selection');
    expect(f?.line).toBe(16);
  });

  it('stays silent when it is measured on the validation split', () => {
    expect(of(code('validation'), 'test-set-selection')).toEqual([]);
  });
});

describe('DatasetDict built with keywords', () => {
  const code = (split: string) => ({
    'tox.py': py`
      import numpy as np
      import pandas as pd
      from datasets import Dataset, DatasetDict
      from sklearn.metrics import f1_score
      from sklearn.model_selection import train_test_split
      from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

      posts = pd.read_csv("labels.csv")
      train_df, test_df = train_test_split(posts, test_size=0.15, stratify=posts["label"], random_state=0)
      train_df, val_df = train_test_split(train_df, test_size=0.15, stratify=train_df["label"], random_state=0)
      data = DatasetDict(train=Dataset.from_pandas(train_df), validation=Dataset.from_pandas(val_df), test=Dataset.from_pandas(test_df))
      model = AutoModelForSequenceClassification.from_pretrained("roberta-base", num_labels=2)
      trainer = Trainer(model=model, args=TrainingArguments(output_dir="o", seed=0), train_dataset=data["train"], eval_dataset=data["validation"])
      trainer.train()
      out = trainer.predict(data["${split}"])
      proba = out.predictions[:, 1]
      thresholds = np.linspace(0.05, 0.95, 91)
      f1s = [f1_score(data["${split}"]["label"], (proba >= t).astype(int)) for t in thresholds]
      best_t = thresholds[int(np.argmax(f1s))]
      print(best_t)
    `,
  });

  it('keeps its parts: a threshold swept on the test split fires', () => {
    expect(of(code('test'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when the threshold is swept on the validation split', () => {
    expect(of(code('validation'), 'test-set-selection')).toEqual([]);
  });
});

describe('statistics over all of a labelled train.csv before its split', () => {
  const code = (encode: string) => ({
    'houses.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.linear_model import Ridge
      from sklearn.metrics import mean_squared_error
      from sklearn.model_selection import train_test_split

      df = pd.read_csv("data/train.csv")
      df["LogPrice"] = np.log1p(df["SalePrice"])

      def mean_encode(frame, fit, col, target="LogPrice"):
          return frame[col].map(fit.groupby(col)[target].mean())

      ${encode}
    `,
  });

  it('fire for a target mean encoding learned from every labelled row before the split', () => {
    const files = code(`df["hood_enc"] = mean_encode(df, df, "Neighborhood")
      X_train, X_test, y_train, y_test = train_test_split(df[["OverallQual", "hood_enc"]], df["LogPrice"], test_size=0.2, random_state=0)
      model = Ridge(alpha=10.0).fit(X_train, y_train)
      print(mean_squared_error(y_test, model.predict(X_test)))`);
    expect(of(files, 'preprocessing-before-split')).toHaveLength(1);
  });

  it('stay silent when the encoding is learned from the training part after the split', () => {
    const files = code(`train, test = train_test_split(df, test_size=0.2, random_state=0)
      train = train.assign(hood_enc=mean_encode(train, train, "Neighborhood"))
      test = test.assign(hood_enc=mean_encode(test, train, "Neighborhood"))
      model = Ridge(alpha=10.0).fit(train[["OverallQual", "hood_enc"]], train["LogPrice"])
      print(mean_squared_error(test["LogPrice"], model.predict(test[["OverallQual", "hood_enc"]])))`);
    expect(of(files, 'preprocessing-before-split')).toEqual([]);
  });
});

describe("a Keras dataset's own test split, named as validation", () => {
  const code = (fit: string) => ({
    'mnist.py': py`
      import numpy as np
      from tensorflow import keras

      keras.utils.set_random_seed(0)
      (x_train, y_train), (x_valid, y_valid) = keras.datasets.mnist.load_data()
      x_train = x_train.astype("float32") / 255.0
      x_valid = x_valid.astype("float32") / 255.0
      model = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(), keras.layers.Dropout(0.2), keras.layers.Dense(10, activation="softmax")])
      model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
      ${fit}
      print(model.evaluate(x_valid, y_valid))
    `,
  });

  it('fires when early stopping watches it', () => {
    expect(of(code('model.fit(x_train, y_train, epochs=30, validation_data=(x_valid, y_valid), callbacks=[keras.callbacks.EarlyStopping(patience=3)])'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when validation comes from the training images', () => {
    expect(of(code('model.fit(x_train, y_train, epochs=30, validation_split=0.1, callbacks=[keras.callbacks.EarlyStopping(patience=3)])'), 'test-set-selection')).toEqual([]);
  });
});

describe('class counts as an imbalance hint', () => {
  const code = (counts: string) => ({
    'mlp.py': py`
      import torch
      import torch.nn as nn
      from sklearn.metrics import accuracy_score
      from torch.utils.data import DataLoader, TensorDataset

      torch.manual_seed(0)
      data = torch.load("digits.pt")
      train_ds, test_ds = TensorDataset(data["x_train"], data["y_train"]), TensorDataset(data["x_test"], data["y_test"])
      ${counts}
      model = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
      opt = torch.optim.SGD(model.parameters(), lr=0.1)
      for x, y in DataLoader(train_ds, batch_size=64, shuffle=True, generator=torch.Generator().manual_seed(0)):
          opt.zero_grad()
          nn.CrossEntropyLoss()(model(x), y).backward()
          opt.step()

      @torch.no_grad()
      def evaluate(loader):
          model.eval()
          preds, labels, per_class = [], [], torch.zeros(10)
          for x, y in loader:
              pred = model(x).argmax(1)
              preds.append(pred)
              labels.append(y)
              per_class += torch.bincount(y[pred == y], minlength=10)
          return accuracy_score(torch.cat(labels), torch.cat(preds))

      print("test accuracy", evaluate(DataLoader(test_ds, batch_size=256)))
    `,
  });

  it('are not seen in per-class tallies of an evaluation loop', () => {
    expect(of(code(''), 'accuracy-only').map((f) => f.severity)).toEqual(['MEDIUM']);
  });

  it('are seen when the label counts are looked at once', () => {
    expect(of(code('print(torch.bincount(data["y_train"]))'), 'accuracy-only').map((f) => f.severity)).toEqual(['HIGH']);
  });
});

describe('a label computed from one column of its frame', () => {
  const code = (label: string, inputs: string) => ({
    'tickets.py': py`
      import pandas as pd
      from sklearn.ensemble import RandomForestClassifier
      from sklearn.metrics import f1_score
      from sklearn.model_selection import train_test_split

      df = pd.read_csv("tickets.csv")
      ${label}
      X = ${inputs}
      y = df["urgent"]
      X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
      model = RandomForestClassifier(n_estimators=300, random_state=0).fit(X_train, y_train)
      print(f1_score(y_test, model.predict(X_test)))
    `,
  });
  const fromPriority = 'df["urgent"] = df["priority"].isin(["P1", "P2"]).astype(int)';

  it('fires when that column stays among the inputs (all columns but the label)', () => {
    const [f] = of(code(fromPriority, 'df.drop(columns=["urgent", "ticket_id"])'), 'preprocessing-before-split');
    expect(f?.line).toBe(7);
    expect(f?.issue).toContain('`priority`');
  });

  it('fires when the inputs are listed and include it', () => {
    expect(of(code(fromPriority, 'df[["priority", "channel", "n_words"]]'), 'preprocessing-before-split')).toHaveLength(1);
  });

  it('stays silent when the column is dropped with the label', () => {
    expect(of(code(fromPriority, 'df.drop(columns=["urgent", "ticket_id", "priority"])'), 'preprocessing-before-split')).toEqual([]);
  });

  it('stays silent for a forecast target (the next value of a column that is an input)', () => {
    expect(of(code('df["urgent"] = (df["backlog"].shift(-1) > 50).astype(int)', 'df[["backlog", "channel"]]'), 'preprocessing-before-split')).toEqual([]);
  });

  it('stays silent for a label built from several columns', () => {
    expect(of(code('df["urgent"] = ((df["priority"] == "P1") & (df["sla_hours"] < 4)).astype(int)', 'df[["priority", "channel"]]'), 'preprocessing-before-split')).toEqual([]);
  });
});
