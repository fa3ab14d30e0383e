// Round-eleven idioms (AutoML leaderboards, LLM fine-tuning, remote sensing): a Trainer subclass of the project,
// score records filled with dict.update, and segmentation_models_pytorch networks. Each mechanism fires on the
// wrong variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\ntorch==2.5.1\ntransformers==4.46.0\n' };
const selections = (files: Record<string, string>) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === 'test-set-selection');

describe('a reward model trained with a Trainer subclass of the project', () => {
  const files = (evalSplit: string) => ({
    'train_rm.py': py`
      from datasets import load_dataset
      from transformers import AutoModelForSequenceClassification, EarlyStoppingCallback, Trainer, TrainingArguments

      raw = load_dataset("Anthropic/hh-rlhf")
      parts = raw["train"].train_test_split(test_size=0.05, seed=0)
      train_ds, val_ds, test_ds = parts["train"], parts["test"], raw["test"]


      class PairwiseRewardTrainer(Trainer):
          def compute_loss(self, model, inputs, return_outputs=False):
              return model(**inputs).loss


      model = AutoModelForSequenceClassification.from_pretrained("distilroberta-base", num_labels=1)
      args = TrainingArguments(output_dir="rm", eval_strategy="steps", load_best_model_at_end=True, seed=0)
      trainer = PairwiseRewardTrainer(model=model, args=args, train_dataset=train_ds, eval_dataset=${evalSplit},
                                      callbacks=[EarlyStoppingCallback(early_stopping_patience=3)])
      trainer.train()
      print(trainer.evaluate(test_ds))
    `,
  });

  it('fires when its eval_dataset is the test split', () => {
    expect(selections(files('test_ds'))).toHaveLength(1);
  });

  it('stays silent when it is the validation split', () => {
    expect(selections(files('val_ds'))).toEqual([]);
  });
});

describe('a leaderboard whose rows are filled with dict.update', () => {
  const files = (scored: string) => ({
    'board.py': py`
      import pandas as pd
      from sklearn.metrics import average_precision_score, roc_auc_score


      def score(y_true, proba, prefix):
          return {f"{prefix}_roc_auc": roc_auc_score(y_true, proba), f"{prefix}_ap": average_precision_score(y_true, proba)}


      def evaluate(candidates, X_fit, y_fit, X_eval, y_eval, prefix):
          rows = []
          for name, pipe in candidates.items():
              pipe.fit(X_fit, y_fit)
              row = {"model": name}
              row.update(score(y_eval, pipe.predict_proba(X_eval)[:, 1], prefix))
              rows.append(row)
          return pd.DataFrame(rows).set_index("model")
    `,
    'run.py': py`
      import pandas as pd
      from sklearn.dummy import DummyClassifier
      from sklearn.linear_model import LogisticRegression
      from sklearn.model_selection import train_test_split
      from board import evaluate

      df = pd.read_csv("rows.csv")
      X, y = df.drop(columns=["y"]), df["y"]
      X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
      X_tr, X_val, y_tr, y_val = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=0)
      candidates = {"dummy": DummyClassifier(), "logreg": LogisticRegression(max_iter=1000)}
      table = evaluate(candidates, X_tr, y_tr, ${scored}, prefix="eval").sort_values("eval_roc_auc", ascending=False)
      best_name = table.index[0]
    `,
  });

  it('fires when the candidates are ranked on the test rows and the top one kept', () => {
    expect(selections(files('X_test, y_test'))).toHaveLength(1);
  });

  it('stays silent when they are ranked on the validation rows', () => {
    expect(selections(files('X_val, y_val'))).toEqual([]);
  });
});

describe('a segmentation_models_pytorch U-Net kept by its best mIoU', () => {
  const files = (loader: string) => ({
    'train.py': py`
      import numpy as np
      import segmentation_models_pytorch as smp
      import torch
      from torch.utils.data import DataLoader, TensorDataset

      torch.manual_seed(0)
      tiles, masks = np.load("tiles.npy"), np.load("masks.npy")
      n = len(tiles)
      train_ds = TensorDataset(torch.tensor(tiles[: int(n * 0.7)]), torch.tensor(masks[: int(n * 0.7)]))
      val_ds = TensorDataset(torch.tensor(tiles[int(n * 0.7): int(n * 0.85)]), torch.tensor(masks[int(n * 0.7): int(n * 0.85)]))
      test_ds = TensorDataset(torch.tensor(tiles[int(n * 0.85):]), torch.tensor(masks[int(n * 0.85):]))
      train_loader = DataLoader(train_ds, batch_size=8, shuffle=True)
      val_loader, test_loader = DataLoader(val_ds, batch_size=8), DataLoader(test_ds, batch_size=8)
      model = smp.Unet("resnet34", encoder_weights="imagenet", in_channels=4, classes=6)
      opt = torch.optim.AdamW(model.parameters(), lr=1e-3)


      @torch.no_grad()
      def miou(loader):
          model.eval()
          cm = np.zeros((6, 6))
          for img, mask in loader:
              pred = model(img).argmax(1)
              cm += np.bincount(6 * mask.flatten().numpy() + pred.flatten().numpy(), minlength=36).reshape(6, 6)
          iou = np.diag(cm) / np.maximum(cm.sum(0) + cm.sum(1) - np.diag(cm), 1)
          return float(np.nanmean(iou))


      best = 0.0
      for epoch in range(30):
          model.train()
          for img, mask in train_loader:
              opt.zero_grad()
              torch.nn.functional.cross_entropy(model(img), mask).backward()
              opt.step()
          score = miou(${loader})
          if score > best:
              best = score
              torch.save(model.state_dict(), "best.pt")
    `,
  });

  it('fires when the epoch is kept by the test tiles', () => {
    expect(selections(files('test_loader'))).toHaveLength(1);
  });

  it('stays silent when it is kept by the validation tiles', () => {
    expect(selections(files('val_loader'))).toEqual([]);
  });
});

describe('minority intents topped up with paraphrases by a helper', () => {
  const files = (order: string) => ({
    'augment.py': py`
      import pandas as pd


      def paraphrase_minority(df, text_col, label_col, min_per_class, paraphrase):
          counts = df[label_col].value_counts()
          new_rows = []
          for intent, count in counts.items():
              if count >= min_per_class:
                  continue
              for text in df.loc[df[label_col] == intent, text_col].tolist():
                  for para in paraphrase(text):
                      new_rows.append({text_col: para, label_col: intent})
          return pd.concat([df, pd.DataFrame(new_rows)], ignore_index=True)
    `,
    'train.py': py`
      import pandas as pd
      from sklearn.dummy import DummyClassifier
      from sklearn.feature_extraction.text import TfidfVectorizer
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import f1_score, balanced_accuracy_score
      from sklearn.model_selection import train_test_split
      from sklearn.pipeline import make_pipeline
      from augment import paraphrase_minority

      df = pd.read_csv("utterances.csv")
      swap = lambda t: [" ".join(reversed(t.split()))]
      ${order}
      for m in (DummyClassifier(), make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000))):
          p = m.fit(train["text"], train["intent"]).predict(test["text"])
          print(f1_score(test["intent"], p, average="macro"), balanced_accuracy_score(test["intent"], p))
    `,
  });
  const oversampled = (order: string) => analyze({ ...REQ, ...files(order) }).findings.filter((f) => f.rule === 'oversampling-before-split');

  it('fires when the paraphrases are added before the split', () => {
    expect(oversampled(`df = paraphrase_minority(df, "text", "intent", 150, swap)
      train, test = train_test_split(df, test_size=0.2, stratify=df["intent"], random_state=0)`)).toMatchObject([{ file: 'train.py', line: 12 }]);
  });

  it('stays silent when only the training part is topped up', () => {
    expect(oversampled(`train, test = train_test_split(df, test_size=0.2, stratify=df["intent"], random_state=0)
      train = paraphrase_minority(train, "text", "intent", 150, swap)`)).toEqual([]);
  });
});

describe('an AutoML front end told the task', () => {
  const nb = (metrics: string) => ({
    'flaml_run.py': py`
      import numpy as np
      import pandas as pd
      from flaml import AutoML
      from sklearn.metrics import accuracy_score, average_precision_score
      from sklearn.model_selection import train_test_split

      df = pd.read_parquet("chargebacks.parquet")
      print(df["chargeback"].value_counts(normalize=True))
      X, y = df.drop(columns=["chargeback"]), df["chargeback"]
      X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
      automl = AutoML()
      automl.fit(X_train, y_train, task="classification", metric="accuracy", time_budget=600, seed=0)
      pred = automl.predict(X_test)
      ${metrics}
    `,
  });
  const accuracyOnly = (metrics: string) => analyze({ ...REQ, ...nb(metrics) }).findings.filter((f) => f.rule === 'accuracy-only');

  it('is a classifier: accuracy alone on imbalanced labels is reported', () => {
    expect(accuracyOnly('print(accuracy_score(y_test, pred), accuracy_score(y_test, np.zeros_like(y_test)))')).toMatchObject([{ severity: 'HIGH' }]);
  });

  it('stays silent when a threshold-free metric is reported too', () => {
    expect(accuracyOnly('print(accuracy_score(y_test, pred), average_precision_score(y_test, automl.predict_proba(X_test)[:, 1]))')).toEqual([]);
  });
});

describe('round 12 traps: anchors and label encoders named by settings', () => {
  const script = (line: string) => ({
    'config.yaml': 'data_path: data/rows.parquet\nlabel_column: contract_type\n',
    'train.py': py`
      import pandas as pd
      import yaml
      from sklearn.dummy import DummyClassifier
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import f1_score, balanced_accuracy_score
      from sklearn.model_selection import train_test_split
      from sklearn.preprocessing import LabelEncoder

      cfg = yaml.safe_load(open("config.yaml"))
      df = pd.read_parquet(cfg["data_path"])
      ${line}
      X = df[["week", "amount"]]
      y = LabelEncoder().fit(df[cfg["label_column"]]).transform(df[cfg["label_column"]])
      X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
      for m in (DummyClassifier(), LogisticRegression(max_iter=1000)):
          p = m.fit(X_tr, y_tr).predict(X_te)
          print(f1_score(y_te, p, average="macro"), balanced_accuracy_score(y_te, p))
    `,
  });
  const leaks = (line: string) => analyze({ ...REQ, ...script(line) }).findings.filter((f) => f.rule === 'preprocessing-before-split');

  it('stays silent on weeks counted from the first timestamp and a label encoder of the label column', () => {
    expect(leaks('df["week"] = (df["ts"] - df["ts"].min()).dt.days // 7')).toEqual([]);
  });

  it('still fires when a feature column is scaled by its own minimum over all rows', () => {
    expect(leaks('df["amount"] = df["amount"] - df["amount"].min()')).toHaveLength(1);
  });
});
