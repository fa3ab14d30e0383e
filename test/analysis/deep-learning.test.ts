import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { findings } = useAnalyzer();

const TORCH_HEAD = py`
  import torch
  import torch.nn as nn
  torch.manual_seed(0)
  model = Net()
  optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
  criterion = nn.CrossEntropyLoss()
`;

const GOOD_LOOP = py`
  def evaluate(model, loader):
      model.eval()
      total = 0.0
      with torch.no_grad():
          for x, y in loader:
              total += criterion(model(x), y).item()
      return total

  best = float("inf")
  for epoch in range(20):
      model.train()
      for x, y in train_loader:
          optimizer.zero_grad()
          loss = criterion(model(x), y)
          loss.backward()
          optimizer.step()
      val_loss = evaluate(model, val_loader)
      if val_loss < best:
          best = val_loss
          torch.save(model.state_dict(), "best.pt")
`;

describe('PyTorch loops', () => {
  it('stays silent on a correct loop (zero_grad, eval + no_grad helper, train(), validation, checkpoint)', () => {
    const all = findings(TORCH_HEAD + GOOD_LOOP).filter((f) => /zero-grad|eval-mode|validation-loop|early-stopping|checkpoint/.test(f.rule ?? ''));
    expect(all).toEqual([]);
  });

  it('missing-zero-grad fires when gradients are never cleared', () => {
    const code = TORCH_HEAD + GOOD_LOOP.replace('        optimizer.zero_grad()\n', '');
    const [f] = findings(code, 'missing-zero-grad');
    expect(f).toMatchObject({ severity: 'HIGH', line: 20, fixed: 'optimizer.zero_grad()\nloss.backward()' });
  });

  it('missing-zero-grad fires when zero_grad is only called once before the loop, and stays silent for gradient accumulation', () => {
    const once = TORCH_HEAD + py`
      optimizer.zero_grad()
      for x, y in train_loader:
          loss = criterion(model(x), y)
          loss.backward()
          optimizer.step()
    `;
    expect(findings(once, 'missing-zero-grad').map((f) => f.line)).toEqual([10]);
    const accum = TORCH_HEAD + py`
      for i, (x, y) in enumerate(train_loader):
          loss = criterion(model(x), y) / 4
          loss.backward()
          if (i + 1) % 4 == 0:
              optimizer.step()
              optimizer.zero_grad()
    `;
    expect(findings(accum, 'missing-zero-grad')).toEqual([]);
  });

  it('missing-eval-mode fires for a validation loop without eval() and no_grad()', () => {
    const code = TORCH_HEAD + py`
      for epoch in range(5):
          model.train()
          for x, y in train_loader:
              optimizer.zero_grad()
              criterion(model(x), y).backward()
              optimizer.step()
          for x, y in val_loader:
              val_loss = criterion(model(x), y).item()
      torch.save(model.state_dict(), "m.pt")
    `;
    const [f] = findings(code, 'missing-eval-mode');
    expect(f).toMatchObject({ severity: 'HIGH', line: 13 });
    expect(f?.issue).toContain('`model.eval()` or `torch.no_grad()`');
  });

  it('missing-eval-mode fires when eval() is never undone with train() in the epoch loop', () => {
    const code = TORCH_HEAD + GOOD_LOOP.replace('    model.train()\n', '');
    const [f] = findings(code, 'missing-eval-mode');
    expect(f).toMatchObject({ title: 'Model never switched back to train mode', line: 16, fixed: 'for epoch in range(20):\n    model.train()' });
  });

  it('no-validation-loop, no-early-stopping and no-checkpoint fire for a bare training loop', () => {
    const code = py`
      import torch
      torch.manual_seed(0)
      model = Net()
      optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
      for epoch in range(50):
          for x, y in train_loader:
              optimizer.zero_grad()
              loss = loss_fn(model(x), y)
              loss.backward()
              optimizer.step()
      test_acc = evaluate(model, test_loader)
    `;
    const rules = findings(code).map((f) => `${f.rule}:${f.line}`);
    expect(rules).toEqual(expect.arrayContaining(['no-validation-loop:5', 'no-early-stopping:5', 'no-checkpoint:5']));
  });
});

describe('Keras fit', () => {
  const HEAD = py`
    import tensorflow as tf
    from tensorflow import keras
    tf.keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.layers.Dense(64, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["AUC"])
  `;
  it('fires no-validation-loop, no-early-stopping and no-checkpoint for a bare fit', () => {
    const rules = findings(HEAD + 'model.fit(X_train, y_train, epochs=100)\n').map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['no-validation-loop', 'no-early-stopping', 'no-checkpoint']));
  });

  it('stays silent with validation_split, EarlyStopping and ModelCheckpoint', () => {
    const code = HEAD + py`
      cbs = [keras.callbacks.EarlyStopping(patience=5), keras.callbacks.ModelCheckpoint("best.keras", save_best_only=True)]
      model.fit(X_train, y_train, epochs=100, validation_split=0.2, callbacks=cbs)
    `;
    expect(findings(code).filter((f) => /validation-loop|early-stopping|checkpoint/.test(f.rule ?? ''))).toEqual([]);
  });
});

describe('missing-eval-mode: the same switches spelled differently', () => {
  const quiet = (code: string) => findings(TORCH_HEAD + code).filter((f) => /zero-grad|eval-mode|validation-loop/.test(f.rule ?? ''));

  it('stays silent for model.train(False) with torch.inference_mode()', () => {
    const code = GOOD_LOOP.replace('    model.eval()\n', '    model.train(False)\n').replace('torch.no_grad()', 'torch.inference_mode()');
    expect(code).toContain('model.train(False)');
    expect(quiet(code)).toEqual([]);
  });

  it('stays silent for model.train(mode=False)', () => {
    expect(quiet(GOOD_LOOP.replace('    model.eval()\n', '    model.train(mode=False)\n'))).toEqual([]);
  });

  it('still fires for model.train(True) before the validation pass', () => {
    const code = GOOD_LOOP.replace('    model.eval()\n', '    model.train(True)\n');
    expect(quiet(code).map((f) => f.rule)).toEqual(['missing-eval-mode']);
  });
});

describe('PyTorch Lightning', () => {
  const module = (init: string, step: string) => py`
    import lightning as L
    import torch
    import torch.nn.functional as F
    from torch import nn
    from torch.utils.data import DataLoader

    class Outcome(L.LightningModule):
        def __init__(self):
            super().__init__()
            ${init}
            self.net = nn.Linear(8, 3)

        def training_step(self, batch, batch_idx):
            x, y = batch
            opt = self.optimizers()
            loss = F.cross_entropy(self.net(x), y)
            ${step}
            return loss

        def validation_step(self, batch, batch_idx):
            x, y = batch
            self.log("val_loss", F.cross_entropy(self.net(x), y))

        def configure_optimizers(self):
            return torch.optim.Adam(self.parameters(), lr=1e-3)
  `;

  it('missing-zero-grad fires for manual optimisation that never clears gradients', () => {
    const [f] = findings(module('self.automatic_optimization = False', 'self.manual_backward(loss)\n            opt.step()'), 'missing-zero-grad');
    expect(f?.line).toBe(17);
    expect(f?.fixed).toContain('opt.zero_grad()');
  });

  it('stays silent with zero_grad in manual optimisation, and with automatic optimisation', () => {
    expect(findings(module('self.automatic_optimization = False', 'opt.zero_grad()\n            self.manual_backward(loss)\n            opt.step()'), 'missing-zero-grad')).toEqual([]);
    expect(findings(module('self.lr = 1e-3', ''), 'missing-zero-grad')).toEqual([]);
  });

  const script = (validate: string) => py`
    import lightning as L
    import pandas as pd
    import torch
    from torch.utils.data import DataLoader, TensorDataset
    from model import Outcome
    L.seed_everything(0)
    frame = pd.read_csv("matches.csv")
    X = torch.tensor(frame[["a", "b"]].values, dtype=torch.float32)
    y = torch.tensor(frame["result"].values)
    loader = DataLoader(TensorDataset(X, y), batch_size=64, shuffle=True)
    model = Outcome()
    trainer = L.Trainer(max_epochs=5)
    trainer.fit(model, train_dataloaders=loader)
    ${validate}
  `;
  const files = (validate: string) => ({ 'model.py': module('self.lr = 1e-3', ''), 'train.py': script(validate), 'requirements.txt': 'lightning==2.4.0\n' });

  it('no-held-out-evaluation fires for trainer.validate on the loader the model was fitted with', () => {
    expect(findings(files('print(trainer.validate(model, dataloaders=loader))'), 'no-held-out-evaluation').map((f) => [f.file, f.line])).toEqual([['train.py', 14]]);
  });

  it('stays silent when trainer.test gets the test rows of the same file (same origin, another part)', () => {
    const script = (last: string) => py`
      import lightning as L
      import pandas as pd
      import torch
      from torch.utils.data import DataLoader, TensorDataset
      from model import Outcome
      L.seed_everything(0)
      frame = pd.read_csv("matches.csv")

      def tensors(rows):
          return TensorDataset(torch.tensor(rows[["a", "b"]].values, dtype=torch.float32), torch.tensor(rows["result"].values))

      train_rows = frame[frame["season"] < 2023]
      model = Outcome()
      trainer = L.Trainer(max_epochs=5)
      trainer.fit(model, train_dataloaders=DataLoader(tensors(train_rows), batch_size=64, shuffle=True))
      ${last}
    `;
    const project = (last: string) => ({ 'model.py': module('self.lr = 1e-3', ''), 'train.py': script(last), 'requirements.txt': 'lightning==2.4.0\n' });
    const heldOut = 'test_rows = frame[frame["season"] >= 2023]\n    print(trainer.test(model, dataloaders=DataLoader(tensors(test_rows), batch_size=256)))';
    expect(findings(project(heldOut), 'no-held-out-evaluation')).toEqual([]);
    // A second loader over the rows it was fitted on (same origin, same part) is still the training data.
    expect(findings(project('print(trainer.validate(model, dataloaders=DataLoader(tensors(train_rows), batch_size=256)))'), 'no-held-out-evaluation')).toHaveLength(1);
  });

  it('stays silent when trainer.test gets a loader of other rows', () => {
    const other = 'held = pd.read_csv("matches_2024.csv")\n    print(trainer.test(model, dataloaders=DataLoader(TensorDataset(torch.tensor(held[["a", "b"]].values), torch.tensor(held["result"].values)))))';
    expect(findings(files(other), 'no-held-out-evaluation')).toEqual([]);
  });
});

describe('missing-eval-mode: evaluation through helpers', () => {
  const engine = (predictBody: string) => py`
    import numpy as np
    import torch
    from contextlib import contextmanager

    @contextmanager
    def inference(model):
        model.eval()
        with torch.no_grad():
            yield
        model.train()

    class Engine:
        def __init__(self, model):
            self.model = model

        def predict(self, loader):
            out = []
            ${predictBody}
            return np.concatenate(out)

        def score(self, loader):
            return float((self.predict(loader) == 1).mean())
  `;

  it('stays silent when a context manager handed the model does the switching, and for a caller of that method', () => {
    const body = 'with inference(self.model):\n                for xb, yb in loader:\n                    out.append(self.model(xb).argmax(1).numpy())';
    expect(findings(engine(body), 'missing-eval-mode')).toEqual([]);
  });

  it('still fires when the forward passes run outside any such block', () => {
    const body = 'for xb, yb in loader:\n                out.append(self.model(xb).argmax(1).numpy())';
    expect(findings(engine(body), 'missing-eval-mode')).toHaveLength(1);
  });
});

describe('missing-eval-mode: a score method calling a predict method decorated with inference_mode', () => {
  const engine = (decorator: string) => py`
    import numpy as np
    import torch

    class Trainer:
        def __init__(self, model):
            self.model = model

        ${decorator}
        def predict(self, loader):
            self.model.eval()
            return np.concatenate([self.model(x).argmax(1).numpy() for x, _ in loader])

        def score(self, loader):
            return float((self.predict(loader) == 1).mean())
  `;

  it('stays silent with @torch.inference_mode() on predict', () => {
    expect(findings(engine('@torch.inference_mode()'), 'missing-eval-mode')).toEqual([]);
  });

  it('fires without it', () => {
    expect(findings(engine('# no decorator'), 'missing-eval-mode').length).toBeGreaterThan(0);
  });
});

describe('test-set-selection: a LightningDataModule whose val_dataloader returns the test rows', () => {
  const code = (valSet: string) => py`
    import lightning as L
    from torch.utils.data import DataLoader
    from torchvision import datasets

    class Leaves(L.LightningDataModule):
        def setup(self, stage=None):
            self.train_ds = datasets.ImageFolder("leaves/train")
            self.val_ds = datasets.ImageFolder("leaves/val")
            self.test_ds = datasets.ImageFolder("leaves/test")

        def train_dataloader(self):
            return DataLoader(self.train_ds, batch_size=32, shuffle=True)

        def val_dataloader(self):
            return DataLoader(${valSet}, batch_size=64)

        def test_dataloader(self):
            return DataLoader(self.test_ds, batch_size=64)
  `;

  it('fires when validation monitors the test rows', () => {
    expect(findings(code('self.test_ds'), 'test-set-selection').map((f) => f.line)).toEqual([14]);
  });

  it('stays silent for a validation set of its own', () => {
    expect(findings(code('self.val_ds'), 'test-set-selection')).toEqual([]);
  });
});

describe('missing-eval-mode: an inline validation pass in the epoch loop', () => {
  const code = (validation: string) => TORCH_HEAD + py`
    for epoch in range(100):
        model.train()
        for i in range(0, len(Xtr), 64):
            optimizer.zero_grad()
            loss = criterion(model(Xtr[i:i + 64]), ytr[i:i + 64])
            loss.backward()
            optimizer.step()
    ` + validation;

  it('fires when the validation forward pass runs in train mode with gradients', () => {
    expect(findings(code('    val_pred = model(Xva)\n    val_mae = (val_pred - yva).abs().mean().item()\n'), 'missing-eval-mode')).toHaveLength(1);
  });

  it('stays silent after model.eval() inside torch.no_grad()', () => {
    const validation = '    model.eval()\n    with torch.no_grad():\n        val_pred = model(Xva)\n        val_mae = (val_pred - yva).abs().mean().item()\n';
    expect(findings(code(validation), 'missing-eval-mode')).toEqual([]);
  });
});

describe('unit tests of the project (pytest) are not the training pipeline', () => {
  const smoke = py`
    import torch
    import torch.nn.functional as F

    def test_output_shape():
        model = torch.nn.Conv2d(3, 3, 3, padding=1)
        out = model(torch.randn(2, 3, 64, 64))
        assert out.shape == (2, 3, 64, 64)

    def test_overfits_single_batch():
        torch.manual_seed(0)
        model = torch.nn.Conv2d(3, 3, 3, padding=1)
        x = torch.randn(2, 3, 64, 64)
        y = torch.randint(0, 3, (2, 64, 64))
        opt = torch.optim.Adam(model.parameters(), lr=1e-2)
        for _ in range(60):
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
        assert loss.item() < 0.1
  `;
  const { analyze } = useAnalyzer();
  const rules = (files: Record<string, string>) => analyze({ 'requirements.txt': 'torch==2.4.1\n', ...files }).findings.map((f) => f.rule);

  it('stays silent on toy training inside tests/test_*.py, and says the file was only checked for secrets and paths', () => {
    const review = analyze({ 'requirements.txt': 'torch==2.4.1\n', 'tests/test_model.py': smoke });
    expect(review.findings.map((f) => f.rule)).toEqual([]);
    expect(review.summary).toContain('1 unit-test file (pytest/unittest) was checked for secrets and paths only');
  });

  it('still checks such a file for secrets', () => {
    expect(rules({ 'tests/test_model.py': `${smoke}\nWANDB_KEY = "0123456789abcdef0123456789abcdef01234567"\n` })).toContain('hardcoded-secret');
  });

  it('reviews a root script named test_*.py that is no unit test (no tests folder, no test framework)', () => {
    expect(rules({ 'test_model.py': smoke })).toEqual(expect.arrayContaining(['missing-zero-grad']));
  });
});

describe('test-set-selection: a Lightning Trainer validating on the test loader with EarlyStopping / ModelCheckpoint', () => {
  const script = (callbacks: string, val: string) => py`
    import lightning as L
    from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms
    from model import Outcome
    L.seed_everything(0)
    train_dl = DataLoader(datasets.ImageFolder("leaves/train", transform=transforms.ToTensor()), batch_size=64, shuffle=True)
    val_dl = DataLoader(datasets.ImageFolder("leaves/val", transform=transforms.ToTensor()), batch_size=128)
    test_dl = DataLoader(datasets.ImageFolder("leaves/test", transform=transforms.ToTensor()), batch_size=128)
    ckpt = ModelCheckpoint(monitor="val_f1", mode="max", save_top_k=1)
    trainer = L.Trainer(max_epochs=30, callbacks=${callbacks})
    model = Outcome()
    trainer.fit(model, train_dataloaders=train_dl, val_dataloaders=${val})
    print(trainer.test(model, dataloaders=test_dl, ckpt_path="best"))
  `;
  const MODEL = py`
    import lightning as L
    import torch
    class Outcome(L.LightningModule):
        def __init__(self):
            super().__init__()
            self.net = torch.nn.LazyLinear(3)
  `;
  const found = (callbacks: string, val: string) => findings({ 'model.py': MODEL, 'train.py': script(callbacks, val), 'requirements.txt': 'lightning==2.4.0\n' }, 'test-set-selection');

  it('fires at fit when the callbacks (a variable or inline) stop or keep the best checkpoint on the test loader', () => {
    const [f] = found('[ckpt]', 'test_dl');
    expect([f?.file, f?.line, f?.sites]).toEqual(['train.py', 13, [{ file: 'train.py', line: 11 }]]);
    expect(f?.fixed).toContain('val_dataloaders=val_dl');
    expect(found('[EarlyStopping(monitor="val_loss", patience=3)]', 'test_dl')).toHaveLength(1);
  });

  it('stays silent with a validation loader, or with no callback acting on the validation metric', () => {
    expect(found('[ckpt, EarlyStopping(monitor="val_f1", mode="max")]', 'val_dl')).toEqual([]);
    expect(found('[]', 'test_dl')).toEqual([]);
  });
});

describe('no-held-out-evaluation: a fine-tuning loop scored on the dataset it trained on', () => {
  const script = (evalRows: string) => py`
    import numpy as np
    import torch
    from datasets import load_dataset
    from sklearn.metrics import accuracy_score, f1_score
    from torch.utils.data import DataLoader
    from transformers import AutoModelForSequenceClassification
    torch.manual_seed(0)
    ds = load_dataset("csv", data_files="reviews.csv", split="train")
    ${evalRows}
    model = AutoModelForSequenceClassification.from_pretrained("bert-base-cased", num_labels=3)
    opt = torch.optim.AdamW(model.parameters(), lr=2e-5)
    for epoch in range(3):
        model.train()
        for batch in DataLoader(ds, batch_size=16, shuffle=True, generator=torch.Generator().manual_seed(0)):
            opt.zero_grad()
            model(**batch).loss.backward()
            opt.step()
    model.eval()
    preds, golds = [], []
    with torch.no_grad():
        for batch in DataLoader(scored, batch_size=64):
            preds.append(model(**batch).logits.argmax(-1).numpy())
            golds.append(batch["labels"].numpy())
    preds, golds = np.concatenate(preds), np.concatenate(golds)
    print(accuracy_score(golds, preds), f1_score(golds, preds, average="macro"))
  `;
  const { analyze } = useAnalyzer();
  const rules = (evalRows: string) => analyze({ 'requirements.txt': 'torch==2.4.1\n', 'finetune.py': script(evalRows) }).findings.map((f) => f.rule);

  it('fires when the final evaluation runs over the same, never split, dataset', () => {
    expect(rules('scored = ds')).toContain('no-held-out-evaluation');
  });

  it('stays silent when the evaluation runs over a separate test file', () => {
    expect(rules('scored = load_dataset("csv", data_files="reviews_test.csv", split="train")')).not.toContain('no-held-out-evaluation');
  });
});

describe('no-held-out-evaluation: a network scored on its own training dataset through a second loader', () => {
  const script = (evalData: string) => py`
    import torch
    from torch.utils.data import DataLoader, Dataset
    from seg import Slices, UNet

    @torch.no_grad()
    def mean_dice(model, loader):
        model.eval()
        scores = []
        for img, mask in loader:
            pred = (torch.sigmoid(model(img)) > 0.5).float()
            scores.append((2 * (pred * mask).sum() + 1e-6) / (pred.sum() + mask.sum() + 1e-6))
        return torch.stack(scores).mean().item()

    torch.manual_seed(0)
    dataset = Slices("brats/train")
    loader = DataLoader(dataset, batch_size=16, shuffle=True, generator=torch.Generator().manual_seed(0))
    eval_loader = DataLoader(${evalData}, batch_size=32)
    model = UNet()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(20):
        model.train()
        for img, mask in loader:
            opt.zero_grad()
            loss = torch.nn.functional.binary_cross_entropy_with_logits(model(img), mask)
            loss.backward()
            opt.step()
    print("dice", mean_dice(model, eval_loader))
  `;
  const { analyze } = useAnalyzer();
  const found = (evalData: string) => analyze({ 'requirements.txt': 'torch==2.4.1\n', 'seg.py': 'class Slices:\n    pass\n\nclass UNet:\n    pass\n', 'train.py': script(evalData) }).findings.filter((f) => f.rule === 'no-held-out-evaluation');

  it('fires at the call that scores the training dataset', () => {
    expect(found('dataset').map((f) => [f.file, f.line])).toEqual([['train.py', 27]]);
  });

  it('stays silent when the second loader reads other patients', () => {
    expect(found('Slices("brats/test")')).toEqual([]);
  });
});

describe('accuracy-only: torchmetrics accuracy objects in a LightningModule', () => {
  const code = (metrics: string) => py`
    import lightning as L
    import torch
    import torch.nn.functional as F
    from sklearn.model_selection import train_test_split
    from torch.utils.data import DataLoader, TensorDataset
    from torchmetrics.classification import BinaryAccuracy, BinaryAUROC

    class WaferNet(L.LightningModule):
        def __init__(self, pos_weight):
            super().__init__()
            self.net = torch.nn.Linear(16, 1)
            self.pos_weight = pos_weight
            ${metrics}

        def training_step(self, batch, _):
            x, y = batch
            return F.binary_cross_entropy_with_logits(self.net(x).squeeze(1), y, pos_weight=torch.tensor(self.pos_weight))

        def test_step(self, batch, _):
            x, y = batch
            self.test_metric(torch.sigmoid(self.net(x).squeeze(1)), y.int())
            self.log("test_metric", self.test_metric)

        def configure_optimizers(self):
            return torch.optim.Adam(self.parameters(), lr=1e-3)

    L.seed_everything(0)
    x, y = torch.load("maps.pt")
    x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=0.2, stratify=y, random_state=0)
    model = WaferNet(pos_weight=float((1 - y_tr.mean()) / y_tr.mean()))
    trainer = L.Trainer(max_epochs=10)
    trainer.fit(model, DataLoader(TensorDataset(x_tr, y_tr), batch_size=64, shuffle=True))
    trainer.test(model, DataLoader(TensorDataset(x_te, y_te), batch_size=256))
  `;

  it('fires (HIGH: the classes are weighed with pos_weight) at the metric object built in __init__', () => {
    const found = findings({ 'requirements.txt': 'lightning==2.4.0\n', 'wafer.py': code('self.test_metric = BinaryAccuracy()') }, 'accuracy-only');
    expect(found.map((f) => [f.line, f.severity])).toEqual([[13, 'HIGH']]);
  });

  it('stays silent with a threshold-free torchmetrics metric', () => {
    expect(findings({ 'requirements.txt': 'lightning==2.4.0\n', 'wafer.py': code('self.test_metric = BinaryAUROC()') }, 'accuracy-only')).toEqual([]);
  });
});
