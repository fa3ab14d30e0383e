// Text, image and signal pipelines (augmentation written to disk, vocabularies, folder generators, pixel
// statistics, adapters, run-to-failure targets): each mechanism fires on the wrong variant and stays silent
// on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\ntorch==2.4.1\ntorchvision==0.19.1\ntensorflow==2.17.0\n' };
const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

describe("the project's own text augmentation", () => {
  const code = (order: string) => ({
    'train.py': py`
      import pandas as pd
      from sklearn.feature_extraction.text import TfidfVectorizer
      from sklearn.model_selection import train_test_split
      from sklearn.pipeline import make_pipeline
      from sklearn.svm import LinearSVC
      from augment import eda

      def boost(df):
          extra = []
          for text, label in zip(df["text"], df["label"]):
              for aug in eda(text, n_aug=4, seed=0):
                  extra.append({"text": aug, "label": label})
          return pd.concat([df, pd.DataFrame(extra)], ignore_index=True)

      df = pd.read_csv("complaints.csv")
      ${order}
      clf = make_pipeline(TfidfVectorizer(), LinearSVC(random_state=0)).fit(train_df["text"], train_df["label"])
      print(clf.score(test_df["text"], test_df["label"]))
    `,
    'augment.py': py`
      import random

      def eda(sentence, n_aug=4, seed=None):
          rng = random.Random(seed)
          words = sentence.split()
          return [" ".join(rng.sample(words, len(words))) for _ in range(n_aug)]
    `,
  });

  it('fires when the paraphrases join the pool before the split', () => {
    const [f] = of(code('df = boost(df)\n      train_df, test_df = train_test_split(df, test_size=0.2, stratify=df["label"], random_state=0)'), 'oversampling-before-split');
    expect(f?.line).toBe(16);
  });

  it('stays silent when only the training part is boosted', () => {
    expect(of(code('train_df, test_df = train_test_split(df, test_size=0.2, stratify=df["label"], random_state=0)\n      train_df = boost(train_df)'), 'oversampling-before-split')).toEqual([]);
  });
});

describe('augmented images written to disk and listed as new rows', () => {
  const code = (rows: string) => ({
    'prep.py': py`
      import albumentations as A
      import cv2
      import pandas as pd
      from sklearn.model_selection import train_test_split

      aug = A.Compose([A.HorizontalFlip(p=0.5), A.Rotate(limit=90, p=1.0)])
      labels = pd.read_csv("data/train.csv")
      ${rows}
      new_rows = []
      for k, src in enumerate(pool.itertuples()):
          out_path = f"data/aug/{src.id}_{k}.png"
          cv2.imwrite(out_path, aug(image=cv2.imread(src.path))["image"])
          new_rows.append({"id": f"{src.id}_{k}", "grade": src.grade, "path": str(out_path)})
      balanced = pd.concat([pool, pd.DataFrame(new_rows)], ignore_index=True)
      ${rows.startsWith('pool = labels') ? 'train_df, test_df = train_test_split(balanced, test_size=0.3, stratify=balanced.grade, random_state=0)' : 'print(len(balanced), len(test_df))'}
    `,
  });

  it('fires when the copies join the labelled rows before they are split', () => {
    expect(of(code('pool = labels'), 'oversampling-before-split')).toHaveLength(1);
  });

  it('stays silent when only the training part gets copies', () => {
    expect(of(code('pool, test_df = train_test_split(labels, test_size=0.3, stratify=labels.grade, random_state=0)'), 'oversampling-before-split')).toEqual([]);
  });
});

describe('a Keras TextVectorization adapted on all of train.csv', () => {
  const code = (adaptOn: string) => ({
    'train.py': py`
      import pandas as pd
      import tensorflow as tf
      from sklearn.model_selection import train_test_split

      tweets = pd.read_csv("data/train.csv")
      vectorize = tf.keras.layers.TextVectorization(max_tokens=20000, output_sequence_length=40)
      train_df, test_df = train_test_split(tweets, test_size=0.3, stratify=tweets["target"], random_state=0)
      vectorize.adapt(${adaptOn}["text"].to_numpy())

      def to_ds(frame):
          ds = tf.data.Dataset.from_tensor_slices((frame["text"].to_numpy(), frame["target"].to_numpy()))
          return ds.batch(64).map(lambda x, y: (vectorize(x), y))

      train_ds, test_ds = to_ds(train_df), to_ds(test_df)
    `,
  });

  it('fires: the labelled file is all the data there is, and it is split afterwards', () => {
    expect(of(code('tweets'), 'preprocessing-before-split')).toHaveLength(1);
  });

  it('stays silent when adapted on the training part', () => {
    expect(of(code('train_df'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('Keras generators over folders', () => {
  const code = (folder: string) => ({
    'train.py': py`
      import os
      from tensorflow import keras
      from tensorflow.keras.preprocessing.image import ImageDataGenerator

      gen = ImageDataGenerator(rescale=1 / 255)
      train_gen = gen.flow_from_directory(os.path.join("data", "train"), target_size=(224, 224))
      held_gen = gen.flow_from_directory(os.path.join("data", "${folder}"), target_size=(224, 224), shuffle=False)
      model = keras.Sequential([keras.layers.Flatten(), keras.layers.Dense(3, activation="softmax")])
      model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy", keras.metrics.AUC()])
      model.fit(train_gen, validation_data=held_gen, epochs=20,
                callbacks=[keras.callbacks.EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True)])
    `,
  });

  it('fires when the test folder is the validation data of early stopping', () => {
    expect(of(code('test'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent for the validation folder', () => {
    expect(of(code('val'), 'test-set-selection')).toEqual([]);
  });
});

describe('Normalize built from pixel sums over every image, given to the datasets of the split parts', () => {
  const code = (stats: string) => ({
    'train.py': py`
      import pandas as pd
      import torch
      from PIL import Image
      from sklearn.model_selection import train_test_split
      from torch.utils.data import DataLoader, Dataset
      from torchvision import transforms

      class Lesions(Dataset):
          def __init__(self, frame, tfm):
              self.paths, self.labels, self.tfm = frame["path"].tolist(), frame["target"].to_numpy(), tfm

          def __len__(self):
              return len(self.paths)

          def __getitem__(self, i):
              return self.tfm(Image.open(self.paths[i])), self.labels[i]

      df = pd.read_csv("lesions.csv")
      ${stats}
      train_df, test_df = train_test_split(df, test_size=0.3, stratify=df.target, random_state=0)
      tfm = transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean.tolist(), std.tolist())])
      train_dl = DataLoader(Lesions(train_df, tfm), batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(0))
      test_dl = DataLoader(Lesions(test_df, tfm), batch_size=64)
    `,
  });

  it('fires at the running sums, with the Normalize they feed as a site', () => {
    const sums = py`
      ch_sum, ch_sq, n = torch.zeros(3), torch.zeros(3), 0
      for imgs, _ in DataLoader(Lesions(df, transforms.ToTensor()), batch_size=128):
          ch_sum += imgs.sum(dim=[0, 2, 3])
          ch_sq += (imgs ** 2).sum(dim=[0, 2, 3])
          n += imgs.shape[0] * imgs.shape[2] * imgs.shape[3]
      mean = ch_sum / n
      std = (ch_sq / n - mean ** 2).sqrt()
    `.replace(/\n/g, '\n      ');
    const [f] = of(code(sums), 'preprocessing-before-split');
    expect(f?.line).toBe(21);
    expect(f?.sites?.[0]).toEqual({ file: 'train.py', line: 28 });
  });

  it('stays silent for published ImageNet constants', () => {
    expect(of(code('mean, std = torch.tensor([0.485, 0.456, 0.406]), torch.tensor([0.229, 0.224, 0.225])'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('LoRA adapters (peft) wrapping the model', () => {
  const code = (evaluation: string) => ({
    'train.py': py`
      from datasets import load_dataset
      from peft import LoraConfig, get_peft_model
      from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments, set_seed

      set_seed(0)
      ds = load_dataset("financial_phrasebank", "sentences_allagree")["train"]
      ${evaluation}
      base = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=3)
      model = get_peft_model(base, LoraConfig(r=8, lora_alpha=16))
      trainer = Trainer(model=model, args=TrainingArguments("out", num_train_epochs=3), train_dataset=train_rows)
      trainer.train()
      print(trainer.evaluate(eval_dataset=scored_rows))
    `,
  });

  it('are no unknown evaluation: scoring the training rows fires', () => {
    expect(of(code('train_rows = scored_rows = ds'), 'no-held-out-evaluation')).toHaveLength(1);
  });

  it('stays silent for a held-out split', () => {
    expect(of(code('parts = ds.train_test_split(test_size=0.2, seed=0)\n      train_rows, scored_rows = parts["train"], parts["test"]'), 'no-held-out-evaluation')).toEqual([]);
  });
});

describe('remaining-useful-life targets', () => {
  const code = (split: string) => ({
    'train.py': py`
      import numpy as np
      from sklearn.ensemble import RandomForestRegressor
      from sklearn.model_selection import GroupShuffleSplit, train_test_split

      data = np.load("specs.npz")
      X, y, unit = data["X"], data["rul"], data["bearing"]
      ${split}
      model = RandomForestRegressor(n_estimators=300, random_state=0).fit(X[tr], y[tr])
      print(model.score(X[te], y[te]))
    `,
  });

  it('fire for a shuffled split of the snapshots', () => {
    const files = {
      'train.py': py`
        import numpy as np
        from sklearn.model_selection import train_test_split

        data = np.load("specs.npz")
        X, y = data["X"], data["rul"]
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, shuffle=True, random_state=0)
      `,
    };
    expect(of(files, 'shuffled-time-series-split')).toHaveLength(1);
  });

  it('stay silent for a split that keeps each unit whole', () => {
    expect(of(code('tr, te = next(GroupShuffleSplit(n_splits=1, test_size=0.3, random_state=0).split(X, y, groups=unit))'), 'shuffled-time-series-split')).toEqual([]);
  });
});

describe('a model re-created after the validation loop', () => {
  const code = (reload: string) => ({
    'train.py': py`
      import torch
      import torch.nn as nn

      @torch.no_grad()
      def predict_tta(model, xs):
          return torch.stack([model(xs).softmax(1), model(xs.flip(-1)).softmax(1)]).mean(0)

      def make():
          return nn.Sequential(nn.Linear(8, 16), nn.BatchNorm1d(16), nn.Linear(16, 3))

      model = make()
      opt = torch.optim.Adam(model.parameters(), lr=1e-3)
      train_x, val_x, test_x = torch.randn(64, 8), torch.randn(16, 8), torch.randn(16, 8)
      for epoch in range(5):
          model.train()
          opt.zero_grad()
          model(train_x).sum().backward()
          opt.step()
          model.eval()
          with torch.no_grad():
              print(model(val_x).mean())
      torch.save(model.state_dict(), "best.pt")
      ${reload}
      print(predict_tta(best, test_x))
    `,
  });

  it('is in train mode again: evaluating it without eval() fires', () => {
    expect(of(code('best = make()\n      best.load_state_dict(torch.load("best.pt"))'), 'missing-eval-mode')).toHaveLength(1);
  });

  it('stays silent when it is switched to eval mode after loading', () => {
    expect(of(code('best = make()\n      best.load_state_dict(torch.load("best.pt"))\n      best.eval()'), 'missing-eval-mode')).toEqual([]);
  });
});

describe('small precision and recall aids', () => {
  it('a LabelEncoder fitted on the label column of all rows (attribute form) is no leak', () => {
    const files = {
      'train.py': py`
        import pandas as pd
        from sklearn.preprocessing import LabelEncoder, StandardScaler
        from sklearn.svm import SVC

        meta = pd.read_csv("meta.csv")
        enc = LabelEncoder().fit(meta.species)
        tr, te = meta[meta.split == "train"], meta[meta.split == "test"]
        y_tr, y_te = enc.transform(tr.species), enc.transform(te.species)
        scaler = StandardScaler().fit(tr[["f1", "f2"]])
        clf = SVC(C=1.0).fit(scaler.transform(tr[["f1", "f2"]]), y_tr)
        print(clf.score(scaler.transform(te[["f1", "f2"]]), y_te))
      `,
    };
    expect(of(files, 'preprocessing-before-split')).toEqual([]);
  });

  it('Keras fit(class_weight=...) shows the classes are imbalanced (accuracy-only is HIGH)', () => {
    const files = (weights: string) => ({
      'train.py': py`
        import tensorflow as tf
        train_ds = tf.keras.utils.image_dataset_from_directory("data/train")
        val_ds = tf.keras.utils.image_dataset_from_directory("data/val")
        model = tf.keras.Sequential([tf.keras.layers.Flatten(), tf.keras.layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
        model.fit(train_ds, validation_data=val_ds, epochs=10${weights},
                  callbacks=[tf.keras.callbacks.EarlyStopping(patience=3, restore_best_weights=True)])
        test_loss, test_acc = model.evaluate(tf.keras.utils.image_dataset_from_directory("data/test"))
      `,
    });
    expect(of(files(', class_weight={0: 0.5, 1: 8.0}'), 'accuracy-only')[0]?.severity).toBe('HIGH');
    expect(of(files(''), 'accuracy-only')[0]?.severity).toBe('MEDIUM');
  });

  it("a network's own layers applied in forward() are no held-out evaluation", () => {
    const files = {
      'train.py': py`
        import torch
        import torch.nn as nn
        from torch.utils.data import DataLoader, TensorDataset

        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.body = nn.Linear(8, 2)

            def forward(self, x):
                return self.body(x)

        torch.manual_seed(0)
        loader = DataLoader(TensorDataset(torch.randn(64, 8), torch.randint(0, 2, (64,))), batch_size=16, shuffle=True, generator=torch.Generator().manual_seed(0))
        model = Net()
        opt = torch.optim.Adam(model.parameters())
        for epoch in range(3):
            for x, y in loader:
                opt.zero_grad()
                nn.functional.cross_entropy(model(x), y).backward()
                opt.step()
        model.eval()
        with torch.no_grad():
            correct = sum((model(x).argmax(1) == y).sum().item() for x, y in loader)
      `,
    };
    expect(of(files, 'no-held-out-evaluation')).toHaveLength(1);
  });
});
