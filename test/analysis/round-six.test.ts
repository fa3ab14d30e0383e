// Round-six idioms (tuning and model-selection code): leaderboards sorted for display or to pick, stacked test
// predictions, Keras Tuner searches, functools.partial objectives, records of the best per candidate.
// Each mechanism fires on the wrong variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\nxgboost==2.1.2\ntensorflow==2.17.0\nkeras-tuner==1.4.7\nhyperopt==0.2.7\n' };
const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

describe('a leaderboard of test scores', () => {
  const code = (after: string) => ({
    'compare.py': py`
      import pandas as pd
      from sklearn.dummy import DummyRegressor
      from sklearn.ensemble import RandomForestRegressor
      from sklearn.linear_model import Ridge
      from sklearn.metrics import mean_squared_error
      from sklearn.model_selection import train_test_split

      df = pd.read_csv("houses.csv")
      X_train, X_test, y_train, y_test = train_test_split(df[["a", "b"]], df["price"], test_size=0.2, random_state=0)
      rows = []
      for name, model in {"prior": DummyRegressor(), "ridge": Ridge(), "rf": RandomForestRegressor(random_state=0)}.items():
          model.fit(X_train, y_train)
          rows.append({"model": name, "rmse": mean_squared_error(y_test, model.predict(X_test)) ** 0.5})
      table = pd.DataFrame(rows).set_index("model").sort_values("rmse")
      print(table)
      ${after}
    `,
  });

  it('sorted to be printed and saved chooses nothing', () => {
    expect(of(code('table.to_csv("comparison.csv")'), 'test-set-selection')).toEqual([]);
  });

  it('picks when its top entry is taken', () => {
    expect(of(code('best = table.index[0]'), 'test-set-selection')).toHaveLength(1);
  });

  it('picks when reshaped and its best is looked up', () => {
    expect(of(code('best = table.round(3)["rmse"].idxmin()'), 'test-set-selection')).toHaveLength(1);
  });
});

describe('a record of the best configuration per candidate, kept in a loop', () => {
  const code = (scoredOn: string) => ({
    'bench.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import f1_score
      from sklearn.model_selection import ParameterGrid, train_test_split

      df = pd.read_csv("beans.csv")
      X_tr, X_te, y_tr, y_te = train_test_split(df.drop(columns=["cls"]), df["cls"], stratify=df["cls"], random_state=0)
      X_fit, X_val, y_fit, y_val = train_test_split(X_tr, y_tr, stratify=y_tr, random_state=0)
      best = {}
      for name, grid in {"logreg": {"C": [0.1, 1.0, 10.0]}}.items():
          best[name] = {"f1": -np.inf}
          for params in ParameterGrid(grid):
              model = LogisticRegression(max_iter=1000, **params).fit(X_fit, y_fit)
              score = f1_score(${scoredOn}, model.predict(${scoredOn === 'y_te' ? 'X_te' : 'X_val'}), average="macro")
              if score > best[name]["f1"]:
                  best[name] = {"f1": score, "params": params}
      print(best)
    `,
  });

  it('fires when the configurations are compared on the test rows', () => {
    expect(of(code('y_te'), 'test-set-selection')).toHaveLength(1);
  });

  it('stays silent when they are compared on validation rows', () => {
    expect(of(code('y_val'), 'test-set-selection')).toEqual([]);
  });
});

describe('a meta-model stacked on base-model predictions', () => {
  const code = (stackedOn: string) => ({
    'stack.py': py`
      import numpy as np
      import pandas as pd
      from sklearn.ensemble import RandomForestRegressor
      from sklearn.linear_model import Ridge, RidgeCV
      from sklearn.metrics import mean_squared_error
      from sklearn.model_selection import train_test_split

      df = pd.read_csv("houses.csv")
      X, y = df[["a", "b"]], df["price"]
      X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
      X_fit, X_blend, y_fit, y_blend = train_test_split(X_train, y_train, test_size=0.25, random_state=0)
      bases = {"ridge": Ridge().fit(X_fit, y_fit), "rf": RandomForestRegressor(random_state=0).fit(X_fit, y_fit)}
      blend_preds = {k: m.predict(X_blend) for k, m in bases.items()}
      test_preds = {k: m.predict(X_test) for k, m in bases.items()}
      meta = RidgeCV(fit_intercept=False)
      meta.fit(np.column_stack(list(${stackedOn}_preds.values())), y_${stackedOn})
      print(mean_squared_error(y_test, meta.predict(np.column_stack(list(test_preds.values())))))
    `,
  });

  it('fires when it is fitted on the test predictions', () => {
    expect(of(code('test'), 'fit-on-test')).toHaveLength(1);
  });

  it('stays silent when it is fitted on a blending split of the training rows', () => {
    expect(of(code('blend'), 'fit-on-test')).toEqual([]);
  });
});

describe('Keras Tuner and a model the analyzer cannot see built', () => {
  const code = (validation: string) => ({
    'search.py': py`
      import keras
      import keras_tuner as kt
      import numpy as np
      from sklearn.model_selection import train_test_split

      keras.utils.set_random_seed(0)
      x_all, y_all = np.load("data/images.npy"), np.load("data/labels.npy")
      x_train, x_test, y_train, y_test = train_test_split(x_all, y_all, test_size=0.2, stratify=y_all, random_state=0)
      x_fit, x_val, y_fit, y_val = train_test_split(x_train, y_train, test_size=0.2, stratify=y_train, random_state=0)

      def build(hp):
          model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(hp.Int("units", 16, 64, step=16), activation="relu"), keras.layers.Dropout(0.2), keras.layers.Dense(4, activation="softmax")])
          model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
          return model

      tuner = kt.Hyperband(build, objective="val_accuracy", max_epochs=20, seed=0, directory="tuning")
      tuner.search(x_fit, y_fit, epochs=20, validation_data=${validation})
      model = tuner.hypermodel.build(tuner.get_best_hyperparameters(1)[0])
      model.fit(x_fit, y_fit, epochs=30, validation_data=${validation}, callbacks=[keras.callbacks.EarlyStopping(patience=5)])
      print(model.evaluate(x_test, y_test))
    `,
  });

  it('fire when the search and the final fit validate on the test rows', () => {
    expect(of(code('(x_test, y_test)'), 'test-set-selection').map((f) => f.line).sort((a, b) => a - b)).toEqual([17, 19]);
  });

  it('stay silent when they validate on a split of the training rows', () => {
    expect(of(code('(x_val, y_val)'), 'test-set-selection')).toEqual([]);
  });
});

describe('an objective bound with functools.partial', () => {
  const code = (cv: string) => ({
    'tune.py': py`
      from functools import partial

      import numpy as np
      import pandas as pd
      from hyperopt import STATUS_OK, Trials, fmin, hp, tpe
      from sklearn.model_selection import KFold, TimeSeriesSplit, cross_val_score
      from xgboost import XGBRegressor

      def objective(params, X, y):
          model = XGBRegressor(n_estimators=300, random_state=0, max_depth=int(params["max_depth"]))
          scores = cross_val_score(model, X, y, cv=${cv}, scoring="neg_mean_absolute_error")
          return {"loss": -scores.mean(), "status": STATUS_OK}

      sales = pd.read_parquet("sales.parquet").sort_values("date")
      sales["lag_7"] = sales.groupby("sku")["units"].shift(7)
      X, y = sales[["lag_7"]], sales["units"]
      best = fmin(fn=partial(objective, X=X, y=y), space={"max_depth": hp.quniform("max_depth", 3, 10, 1)}, algo=tpe.suggest, max_evals=50, trials=Trials(), rstate=np.random.default_rng(0))
      print(best)
    `,
  });

  it('runs with the bound rows: shuffled folds of time-ordered sales fire', () => {
    expect(of(code('KFold(n_splits=5, shuffle=True, random_state=0)'), 'shuffled-time-series-split')).toHaveLength(1);
  });

  it('stays silent with time-ordered folds', () => {
    expect(of(code('TimeSeriesSplit(n_splits=5)'), 'shuffled-time-series-split')).toEqual([]);
  });
});

describe('segmentation and detection code (round six, vision suite)', () => {
  const REQV = { 'requirements.txt': 'numpy==2.1.3\ntorch==2.5.1\ntorchvision==0.20.1\ntorchmetrics==1.6.0\npandas==2.2.3\n' };
  const ofv = (files: Record<string, string>, rule: string) => analyze({ ...REQV, ...files }).findings.filter((f) => f.rule === rule);

  const detector = (evalLoader: string) => ({
    'train.py': py`
      import torch
      from torch.utils.data import DataLoader
      from torchmetrics.detection import MeanAveragePrecision
      from torchvision.models.detection import fasterrcnn_resnet50_fpn_v2
      from data import DefectDataset, collate

      torch.manual_seed(0)
      train_loader = DataLoader(DefectDataset("data/pcb", "train"), batch_size=4, shuffle=True, collate_fn=collate, generator=torch.Generator().manual_seed(0))
      val_loader = DataLoader(DefectDataset("data/pcb", "val"), batch_size=4, collate_fn=collate)
      test_loader = DataLoader(DefectDataset("data/pcb", "test"), batch_size=4, collate_fn=collate)
      model = fasterrcnn_resnet50_fpn_v2(weights=None, num_classes=4)
      optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)

      @torch.no_grad()
      def evaluate_map(model, loader):
          model.eval()
          metric = MeanAveragePrecision(iou_type="bbox")
          for images, targets in loader:
              metric.update(model(images), targets)
          return metric.compute()

      best = -1.0
      for epoch in range(30):
          model.train()
          for images, targets in train_loader:
              optimizer.zero_grad()
              sum(model(images, targets).values()).backward()
              optimizer.step()
          score = evaluate_map(model, ${evalLoader})["map"].item()
          if score > best:
              best = score
              torch.save(model.state_dict(), "best.pt")
      print(evaluate_map(model, test_loader)["map"].item())
    `,
    'data.py': py`
      from torch.utils.data import Dataset

      def collate(batch):
          return tuple(zip(*batch))

      class DefectDataset(Dataset):
          def __init__(self, root, split):
              self.root, self.split = root, split
    `,
  });

  it('a checkpoint kept by torchmetrics mAP on the test loader fires', () => {
    expect(ofv(detector('test_loader'), 'test-set-selection')).toHaveLength(1);
  });

  it('a checkpoint kept by mAP on the validation loader stays silent', () => {
    expect(ofv(detector('val_loader'), 'test-set-selection')).toEqual([]);
  });

  const lossesInTrainMode = (forward: string) => ({
    'engine.py': py`
      import torch

      @torch.no_grad()
      def validation_losses(model, loader):
          model.train()
          total = 0.0
          for images, targets in loader:
              total += sum(${forward}.values()).item()
          return total / len(loader)
    `,
  });

  it('validation losses of a detector computed in train mode on purpose stay silent', () => {
    expect(ofv(lossesInTrainMode('model(images, targets)'), 'missing-eval-mode')).toEqual([]);
  });

  it('a validation pass left in train mode still fires', () => {
    expect(ofv(lossesInTrainMode('model(images)'), 'missing-eval-mode')).toHaveLength(1);
  });

  it('model.eval() at the end of a chain of moves counts', () => {
    const files = (load: string) => ({
      'post.py': py`
        import torch
        from torch.utils.data import DataLoader
        from data import LesionDataset, UNet

        model = UNet()
        model.load_state_dict(torch.load("unet.pt"))
        ${load}
        test_loader = DataLoader(LesionDataset("data/test"), batch_size=8)
        with torch.no_grad():
            for images, masks in test_loader:
                print(torch.sigmoid(model(images.cuda())).mean())
      `,
      'data.py': 'from torch.utils.data import Dataset\nimport torch.nn as nn\n\nclass LesionDataset(Dataset):\n    pass\n\nclass UNet(nn.Module):\n    pass\n',
    });
    expect(ofv(files('model = model.cuda().eval()'), 'missing-eval-mode')).toEqual([]);
    expect(ofv(files('model = model.cuda()'), 'missing-eval-mode')).toHaveLength(1);
  });

  it('a torch model trained and then evaluated with no held-out rows is cited at its evaluation', () => {
    const files = {
      'nuclei.py': py`
        import torch
        from torch.utils.data import DataLoader
        from data import NucleiDataset, MaskNet

        torch.manual_seed(0)
        loader = DataLoader(NucleiDataset("data/stage1_train"), batch_size=2, shuffle=True, generator=torch.Generator().manual_seed(0))
        model = MaskNet()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        for epoch in range(10):
            model.train()
            for images, targets in loader:
                optimizer.zero_grad()
                model(images, targets).backward()
                optimizer.step()
        torch.save(model.state_dict(), "maskrcnn.pt")
        model.eval()
        print("saved; switched to inference mode")
      `,
      'data.py': 'import torch.nn as nn\nfrom torch.utils.data import Dataset\n\nclass NucleiDataset(Dataset):\n    pass\n\nclass MaskNet(nn.Module):\n    pass\n',
    };
    const [f] = ofv(files, 'no-held-out-evaluation');
    expect([f?.line, f?.sites]).toEqual([16, [{ file: 'nuclei.py', line: 13 }]]);
  });

  const radar = (split: string) => ({
    'nowcast.py': py`
      import h5py
      import numpy as np
      import pandas as pd
      import torch
      from torch.utils.data import Dataset, random_split

      torch.manual_seed(0)

      class RadarWindows(Dataset):
          def __init__(self, path):
              self.h5 = h5py.File(path, "r")
              self.frames = self.h5["rain_rate"]
              times = pd.to_datetime(self.h5["timestamps"][:].astype(str))
              self.starts = list(range(len(times) - 12))

          def __len__(self):
              return len(self.starts)

          def __getitem__(self, i):
              t = self.starts[i]
              return torch.from_numpy(self.frames[t:t + 6]), torch.from_numpy(self.frames[t + 11])

      data = RadarWindows("radar.h5")
      ${split}
    `,
  });

  it('a random split of windows cut from one series fires', () => {
    expect(ofv(radar('train_set, test_set = random_split(data, [0.8, 0.2], generator=torch.Generator().manual_seed(0))'), 'shuffled-time-series-split')).toHaveLength(1);
  });

  it('a chronological cut of the same windows stays silent', () => {
    expect(ofv(radar('cut = int(0.8 * len(data))\n      train_set = torch.utils.data.Subset(data, range(cut))\n      test_set = torch.utils.data.Subset(data, range(cut, len(data)))'), 'shuffled-time-series-split')).toEqual([]);
  });

  const vessels = (metrics: string) => ({
    'vessels.py': py`
      import numpy as np
      import torch
      from data import predict_full, UNet

      torch.manual_seed(0)
      tr_imgs, tr_ves = np.load("data/train_images.npy"), np.load("data/train_vessels.npy")
      te_imgs, te_ves = np.load("data/test_images.npy"), np.load("data/test_vessels.npy")
      vessel_frac = float(np.mean(tr_ves))
      criterion = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor([(1 - vessel_frac) / vessel_frac]))

      def fov_accuracy(probs, vessels, thr=0.5):
          return float(((probs > thr) == (vessels > 0)).mean())

      def fov_dice(probs, vessels, thr=0.5):
          pred = probs > thr
          return float(2 * (pred & (vessels > 0)).sum() / (pred.sum() + (vessels > 0).sum()))

      model = UNet()
      probs = predict_full(model, te_imgs)
      print("test accuracy", fov_accuracy(probs, te_ves))
      ${metrics}
    `,
    'data.py': 'import torch.nn as nn\n\ndef load_split(name):\n    return [], []\n\ndef predict_full(model, imgs):\n    return imgs\n\nclass UNet(nn.Module):\n    pass\n',
  });

  it('a hand-written pixel accuracy as the only metric of imbalanced masks is accuracy-only', () => {
    expect(ofv(vessels(''), 'accuracy-only').map((f) => f.severity)).toEqual(['HIGH']);
  });

  it('a hand-written Dice beside it is another metric', () => {
    expect(ofv(vessels('print("test dice", fov_dice(probs, te_ves))'), 'accuracy-only')).toEqual([]);
  });
});

describe('normalisation statistics of the image files a frame lists', () => {
  const REQV = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\ntorch==2.5.1\nscikit-learn==1.5.2\nimageio==2.36.0\n' };
  const code = (statsOf: string) => ({
    'train.py': py`
      import imageio.v3 as iio
      import numpy as np
      import pandas as pd
      import torch
      from sklearn.model_selection import GroupShuffleSplit
      from torch.utils.data import Dataset

      torch.manual_seed(0)

      def compute_channel_stats(paths):
          s, sq, n = np.zeros(3), np.zeros(3), 0
          for p in paths:
              img = iio.imread(p).reshape(-1, 3).astype(np.float64)
              s += img.sum(axis=0)
              sq += (img ** 2).sum(axis=0)
              n += len(img)
          mean = s / n
          return mean, np.sqrt(sq / n - mean ** 2)

      class PatchDataset(Dataset):
          def __init__(self, frame, mean, std):
              self.paths, self.mean, self.std = frame["image_path"].tolist(), mean, std

      df = pd.read_csv("patches.csv")
      gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0)
      tr, te = next(gss.split(df, groups=df["patient_id"]))
      train_df, test_df = df.iloc[tr], df.iloc[te]
      mean, std = compute_channel_stats(${statsOf}["image_path"].tolist())
      train_ds = PatchDataset(train_df, mean, std)
      test_ds = PatchDataset(test_df, mean, std)
    `,
  });
  const ofs = (files: Record<string, string>) => analyze({ ...REQV, ...files }).findings.filter((f) => f.rule === 'preprocessing-before-split');

  it('fire when they are of every patch and the parts are normalised with them', () => {
    expect(ofs(code('df')).map((f) => f.line)).toEqual([28]);
  });

  it('stay silent when they are of the training patches only', () => {
    expect(ofs(code('train_df'))).toEqual([]);
  });

  it('leave row-wise statistics (new features per row) alone', () => {
    const files = {
      'train.py': py`
        import pandas as pd
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import cross_val_score

        def row_stats(df):
            out = pd.DataFrame(index=df.index)
            out["row_mean"] = df.mean(axis=1)
            out["row_std"] = df.std(axis=1)
            return out

        train = pd.read_csv("train.csv")
        X = pd.concat([train.drop(columns=["target"]), row_stats(train.drop(columns=["target"]))], axis=1)
        print(cross_val_score(LogisticRegression(max_iter=1000), X, train["target"], cv=5, scoring="roc_auc"))
      `,
    };
    expect(ofs(files)).toEqual([]);
  });
});

describe('augmented copies added by a helper of the same file', () => {
  const code = (order: string) => ({
    'requirements.txt': 'numpy==2.1.3\nalbumentations==1.4.21\nscikit-learn==1.5.2\nopencv-python==4.10.0.84\n',
    'tiles.py': py`
      import albumentations as A
      import cv2
      import numpy as np
      from sklearn.model_selection import train_test_split

      np.random.seed(0)

      def load_tiles(ids):
          tiles = []
          for image_id in ids:
              image = cv2.imread(f"images/{image_id}.png", cv2.IMREAD_GRAYSCALE)
              mask = cv2.imread(f"masks/{image_id}.png", cv2.IMREAD_GRAYSCALE)
              for x0 in range(0, 1600, 256):
                  tiles.append((image[:, x0:x0 + 256], mask[:, x0:x0 + 256]))
          return tiles

      def balance_with_augmented_copies(tiles):
          aug = A.Compose([A.HorizontalFlip(p=0.5), A.VerticalFlip(p=0.5)])
          extra = []
          for image, mask in tiles:
              if mask.any():
                  out = aug(image=image, mask=mask)
                  extra.append((out["image"], out["mask"]))
          return tiles + extra

      ${order}
    `,
  });

  it('are cited at the call that expands the pool before the split', () => {
    const found = analyze(code('tiles = balance_with_augmented_copies(load_tiles(range(100)))\n      train_tiles, val_tiles = train_test_split(tiles, test_size=0.2, random_state=0)')).findings.filter((f) => f.rule === 'oversampling-before-split');
    expect(found.map((f) => f.line)).toEqual([26]);
  });

  it('stay silent when only the training tiles are expanded', () => {
    const found = analyze(code('train_tiles, val_tiles = train_test_split(load_tiles(range(100)), test_size=0.2, random_state=0)\n      train_tiles = balance_with_augmented_copies(train_tiles)')).findings.filter((f) => f.rule === 'oversampling-before-split');
    expect(found).toEqual([]);
  });
});

describe('Kaggle idioms (round six, competitions suite)', () => {
  const REQK = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\nlightgbm==4.5.0\npyyaml==6.0.2\n' };
  const ofk = (files: Record<string, string>) => analyze({ ...REQK, ...files }).findings.filter((f) => f.rule === 'preprocessing-before-split');

  const logTarget = (inputs: string) => ({
    'prices.py': py`
      import lightgbm as lgb
      import numpy as np
      import pandas as pd
      from sklearn.metrics import mean_squared_error
      from sklearn.model_selection import KFold

      train = pd.read_csv("input/train.csv")
      train["SalePrice_log"] = np.log1p(train["SalePrice"])
      y = train["SalePrice_log"]
      ${inputs}
      for tr, va in KFold(5, shuffle=True, random_state=0).split(X):
          m = lgb.LGBMRegressor(random_state=0).fit(X.iloc[tr], y.iloc[tr])
          print(mean_squared_error(y.iloc[va], m.predict(X.iloc[va])) ** 0.5)
    `,
  });

  it('fires when the inputs drop the raw price but keep its log, the label', () => {
    const [f] = ofk(logTarget('X = train.drop(columns=["Id", "SalePrice"])'));
    expect(f?.issue).toContain('is still among the model\'s inputs');
  });

  it('stays silent when both are dropped, and when the raw column is only cleaned away in place', () => {
    expect(ofk(logTarget('X = train.drop(columns=["Id", "SalePrice", "SalePrice_log"])'))).toEqual([]);
    expect(ofk(logTarget('train.drop(columns=["SalePrice"], inplace=True)\n      X = train.drop(columns=["Id", "SalePrice_log"])'))).toEqual([]);
  });

  const encoding = (stat: string) => ({
    'config.yaml': 'target: loan_status\n',
    'features.py': py`
      def smoothed_mean(df, col, ${stat}, alpha=20.0):
          prior = df[${stat}].mean()
          stats = df.groupby(col)[${stat}].agg(["sum", "count"])
          return (stats["sum"] + prior * alpha) / (stats["count"] + alpha)
    `,
    'train.py': py`
      import lightgbm as lgb
      import pandas as pd
      import yaml
      from sklearn.metrics import roc_auc_score
      from sklearn.model_selection import StratifiedKFold
      from features import smoothed_mean

      cfg = yaml.safe_load(open("config.yaml"))
      target = cfg["target"]
      train = pd.read_csv("input/train.csv")
      train["grade_enc"] = train["grade"].map(smoothed_mean(train, "grade", ${stat === 'target' ? 'target' : '"income"'}))
      X, y = train[["grade_enc", "income"]], train[target]
      for tr, va in StratifiedKFold(5, shuffle=True, random_state=0).split(X, y):
          m = lgb.LGBMClassifier(random_state=0).fit(X.iloc[tr], y.iloc[tr])
          print(roc_auc_score(y.iloc[va], m.predict_proba(X.iloc[va])[:, 1]))
    `,
  });

  it('a smoothed target mean over all of train.csv, the label named by a variable from settings, fires before CV', () => {
    expect(ofk(encoding('target'))).toHaveLength(1);
  });

  it('the same smoothing of a feature column stays silent before CV', () => {
    expect(ofk(encoding('value_col'))).toEqual([]);
  });
});

describe('columns ranked by a native booster\'s importances', () => {
  const code = (rankedOn: string) => ({
    'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\nxgboost==2.1.2\n',
    'selection.py': py`
      import pandas as pd
      import xgboost as xgb

      def select_by_importance(X, y, top_k=50):
          booster = xgb.train({"objective": "binary:logistic", "seed": 0}, xgb.DMatrix(X, label=y), num_boost_round=300)
          gain = booster.get_score(importance_type="total_gain")
          return pd.Series(gain).reindex(X.columns).fillna(0.0).sort_values(ascending=False).index[:top_k].tolist()
    `,
    'train.py': py`
      import numpy as np
      import pandas as pd
      import xgboost as xgb
      from sklearn.metrics import roc_auc_score
      from sklearn.model_selection import StratifiedKFold
      from selection import select_by_importance

      train = pd.read_csv("input/train.csv")
      feats_all = [c for c in train.columns if c.startswith("var_")]
      y = train["target"].values
      skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
      ${rankedOn}
    `,
  });

  it('fires when they are ranked on every labelled row before the cross-validation', () => {
    const files = code('feats = select_by_importance(train[feats_all], y)\n      X = train[feats]\n      for tr, va in skf.split(X, y):\n          b = xgb.train({"seed": 0}, xgb.DMatrix(X.iloc[tr], label=y[tr]), num_boost_round=300)\n          print(roc_auc_score(y[va], b.predict(xgb.DMatrix(X.iloc[va]))))');
    expect(analyze(files).findings.filter((f) => f.rule === 'preprocessing-before-split').map((f) => f.line)).toEqual([12]);
  });

  it('fires too when the folds are cut from the whole labelled file and the ranked columns picked in each', () => {
    const files = code('feats = select_by_importance(train[feats_all], y)\n      for tr, va in skf.split(train, y):\n          b = xgb.train({"seed": 0}, xgb.DMatrix(train[feats].iloc[tr], label=y[tr]), num_boost_round=300)\n          print(roc_auc_score(y[va], b.predict(xgb.DMatrix(train[feats].iloc[va]))))');
    expect(analyze(files).findings.filter((f) => f.rule === 'preprocessing-before-split').map((f) => f.line)).toEqual([12]);
  });

  it('stays silent when they are ranked inside each fold on its training rows', () => {
    const files = code('for tr, va in skf.split(train, y):\n          feats = select_by_importance(train[feats_all].iloc[tr], y[tr])\n          b = xgb.train({"seed": 0}, xgb.DMatrix(train[feats].iloc[tr], label=y[tr]), num_boost_round=300)\n          print(roc_auc_score(y[va], b.predict(xgb.DMatrix(train[feats].iloc[va]))))');
    expect(analyze(files).findings.filter((f) => f.rule === 'preprocessing-before-split')).toEqual([]);
  });
});
