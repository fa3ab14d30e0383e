// Round-thirteen idioms (quant research, credit, recommenders, energy, segmentation): statistics that are legitimate
// at prediction time, and mistakes hidden behind them. Each mechanism fires on the wrong variant and stays silent
// on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\ntorch==2.5.1\n' };
const rule = (id: string, files: Record<string, string>) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === id);

describe('per-group statistics of the test rows', () => {
  const backtest = (key: string) => py`
    import numpy as np
    import pandas as pd
    from sklearn.linear_model import Ridge

    df = pd.read_parquet("panel.parquet")
    df["date"] = pd.to_datetime(df["date"])
    FEATS = ["mom", "value", "size"]
    tr = df[df["date"] < "2020-01-01"]
    te = df[df["date"] >= "2020-01-01"].copy()
    model = Ridge(alpha=1.0).fit(tr[FEATS], tr["y"])
    te["pred"] = model.predict(te[FEATS])
    w = te.groupby("date")["pred"].transform(lambda s: s.rank(pct=True) - 0.5)
    w = w / w.abs().groupby(te["${key}"]).transform("sum")
    print((w * te["y"]).groupby(te["date"]).sum().mean())
  `;

  it('fires when test rows are scaled by a statistic of each entity over the whole test period', () => {
    const found = rule('fit-on-test', { 'backtest.py': backtest('sector') });
    expect(found.map((f) => f.line)).toEqual([13]);
  });

  it("stays silent when each row is scaled within its own date's cross-section (known at prediction time)", () => {
    expect(rule('fit-on-test', { 'backtest.py': backtest('date') })).toEqual([]);
  });
});

describe('time-ordered rows transposed into columns', () => {
  const profiles = (weekly: string) => py`
    import numpy as np
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import train_test_split

    raw = pd.read_csv("consumption.csv").set_index("CONS_NO")
    y = raw.pop("FLAG").astype(int)
    raw.columns = pd.to_datetime(raw.columns)
    ${weekly}
    X = weekly.fillna(0)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=13)
    clf = LogisticRegression(max_iter=1000).fit(X_tr, y_tr)
    print(roc_auc_score(y_te, clf.predict_proba(X_te)[:, 1]))
  `;

  it('fires when the rows stay the resampled periods', () => {
    const found = rule('shuffled-time-series-split', { 'theft.py': profiles('weekly = raw.T.resample("W-MON").sum(min_count=4)') });
    expect(found.map((f) => f.line)).toEqual([12]);
  });

  it('stays silent when the resampled periods are transposed back into columns (one row per customer)', () => {
    expect(rule('shuffled-time-series-split', { 'theft.py': profiles('weekly = raw.T.resample("W-MON").sum(min_count=4).T') })).toEqual([]);
    expect(rule('shuffled-time-series-split', { 'theft.py': profiles('weekly = raw.T.resample("W-MON").sum(min_count=4).transpose()') })).toEqual([]);
  });
});

describe('shuffled indices used by a helper', () => {
  const script = (body: string) => py`
    import numpy as np
    import pandas as pd
    import torch
    import torch.nn as nn

    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    ev = pd.read_csv("events.csv").sort_values(["session_id", "timestamp"])
    model = nn.Sequential(nn.Embedding(1000, 32), nn.Linear(32, 1000))
    opt = torch.optim.Adam(model.parameters())


    def take(df, order, k):
        items = df.itemid.to_numpy()
        return items[order[:k]], items[order[k:]]


    def batches(df, order, size):
        items = df.itemid.to_numpy()
        for start in range(0, len(order) - 1, size):
            idx = order[start:start + size]
            yield torch.as_tensor(items[idx]), torch.as_tensor(items[idx + 1])


    ${body}
  `;

  it('fires when a helper cuts time-ordered rows at shuffled positions into parts', () => {
    const found = rule('shuffled-time-series-split', { 'train.py': script('fit_items, test_items = take(ev, rng.permutation(len(ev)), 5000)') });
    expect(found).toHaveLength(1);
  });

  it('stays silent when a batch generator called by the training loop draws them (minibatches, not a split)', () => {
    const loop = 'for epoch in range(3):\n    for x, y in batches(ev, rng.permutation(len(ev) - 1), 256):\n        loss = nn.functional.cross_entropy(model(x), y)\n        opt.zero_grad()\n        loss.backward()\n        opt.step()\n';
    expect(rule('shuffled-time-series-split', { 'train.py': script('') + loop })).toEqual([]);
  });
});

describe('held-out sequences built by hand (leave-one-out)', () => {
  const script = (call: string) => py`
    import pandas as pd
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    torch.manual_seed(0)
    ratings = pd.read_csv("ratings.csv").sort_values(["user", "ts"])
    seqs = ratings.groupby("user").item.apply(list).tolist()
    train_in = torch.tensor([s[:-3] for s in seqs])
    train_out = torch.tensor([s[1:-2] for s in seqs])
    test_in = torch.tensor([s[-21:-1] for s in seqs])
    test_tgt = torch.tensor([s[-1] for s in seqs])
    model = nn.Sequential(nn.Embedding(5000, 64), nn.Dropout(0.2), nn.Linear(64, 5000))
    opt = torch.optim.Adam(model.parameters())


    @torch.no_grad()
    def evaluate(inp, tgt):
        model.eval()
        return (model(inp)[:, -1].argmax(-1) == tgt).float().mean().item()


    for epoch in range(10):
        model.train()
        loss = F.cross_entropy(model(train_in).transpose(1, 2), train_out)
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(${call})
  `;

  it('fires when only the training sequences are scored', () => {
    expect(rule('no-held-out-evaluation', { 'sasrec.py': script('evaluate(train_in, train_out[:, -1])') })).toHaveLength(1);
  });

  it('stays silent when the held-out inputs and targets are handed to the evaluation', () => {
    expect(rule('no-held-out-evaluation', { 'sasrec.py': script('evaluate(test_in, test_tgt)') })).toEqual([]);
  });
});

describe("a project's own seed helper", () => {
  const project = (helperBody: string) => ({
    'utils.py': py`
      import os
      import random

      import numpy as np
      import torch


      def seed_everything(seed):
          os.environ["PYTHONHASHSEED"] = str(seed)
          ${helperBody}
    `,
    'train.py': py`
      import torch
      import torch.nn as nn
      from torch.utils.data import DataLoader, TensorDataset

      from utils import seed_everything

      seed_everything(7)
      ds = TensorDataset(torch.zeros(100, 4), torch.zeros(100))
      dl = DataLoader(ds, batch_size=16, shuffle=True)
      net = nn.Linear(4, 1)
      opt = torch.optim.SGD(net.parameters(), lr=0.1)
      for x, y in dl:
          opt.zero_grad()
          nn.functional.mse_loss(net(x).squeeze(1), y).backward()
          opt.step()
    `,
  });

  it('fires when the helper seeds random and numpy but never torch', () => {
    const found = rule('missing-random-seed', project('random.seed(seed); np.random.seed(seed)'));
    expect(found.map((f) => `${f.file}:${f.line}`)).toEqual(['train.py:9']);
  });

  it('stays silent when the helper seeds torch too, or hands over to a library seeding everything', () => {
    expect(rule('missing-random-seed', project('random.seed(seed); np.random.seed(seed); torch.manual_seed(seed)'))).toEqual([]);
    expect(rule('missing-random-seed', project('import lightning as L; L.seed_everything(seed)'))).toEqual([]);
  });
});

describe('reference power per bin (a target statistic) over hourly SCADA rows', () => {
  const script = (resample: string, encode: string) => py`
    import pandas as pd
    import lightgbm as lgb
    from sklearn.metrics import mean_absolute_error

    scada = pd.read_csv("scada.csv")
    scada["Date_time"] = pd.to_datetime(scada["Date_time"], utc=True)
    df = scada.set_index("Date_time")${resample}.mean().reset_index()
    df["ws_bin"] = (df["Ws_avg"] * 2).round() / 2
    ${encode}
    train = df[df["Date_time"] < "2017-09-01"].copy()
    test = df[df["Date_time"] >= "2017-09-01"].copy()
    ref = train.groupby("ws_bin")["P_avg"].median()
    train["ref_train"], test["ref_train"] = train["ws_bin"].map(ref), test["ws_bin"].map(ref)
    model = lgb.LGBMRegressor(random_state=0, n_estimators=300).fit(train[["Ws_avg", "ref"]], train["P_avg"])
    print(mean_absolute_error(test["P_avg"], model.predict(test[["Ws_avg", "ref"]])))
  `;
  const allRows = 'df["ref"] = df.groupby("ws_bin")["P_avg"].transform("median")';
  const plot = 'df.groupby("ws_bin")["P_avg"].median().plot()';

  it('fires when the bin medians of the target are taken over all rows (a bin of a dated frame is no date column)', () => {
    expect(rule('preprocessing-before-split', { 'power.py': script('.resample("1h")', allRows) }).map((f) => f.line)).toEqual([9]);
  });

  it('fires when the rows were resampled per turbine first', () => {
    expect(rule('preprocessing-before-split', { 'power.py': script('.groupby("turbine").resample("1h")', allRows) }).map((f) => f.line)).toEqual([9]);
  });

  it('stays silent when the full-data bin medians are only plotted and the feature is learned on the training rows', () => {
    expect(rule('preprocessing-before-split', { 'power.py': script('.groupby("turbine").resample("1h")', plot) })).toEqual([]);
  });
});

describe('a hyperspectral cube read with scipy.io.loadmat and split into blocks', () => {
  const script = (testFeatures: string) => py`
    import numpy as np
    import scipy.io as sio
    from sklearn.decomposition import PCA
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.metrics import cohen_kappa_score

    cube = sio.loadmat("PaviaU.mat")["paviaU"].astype(np.float32)
    gt = sio.loadmat("PaviaU_gt.mat")["paviaU_gt"]
    train_cube, test_cube = cube[:, :200], cube[:, 200:]
    train_gt, test_gt = gt[:, :200], gt[:, 200:]
    pca = PCA(n_components=15, random_state=0)
    train_feat = pca.fit_transform(train_cube.reshape(-1, 103))
    test_feat = ${testFeatures}
    clf = RandomForestClassifier(n_estimators=300, random_state=0).fit(train_feat, train_gt.ravel())
    print(cohen_kappa_score(test_gt.ravel(), clf.predict(test_feat)))
  `;

  it('fires when the PCA is fitted again on the test block', () => {
    expect(rule('fit-on-test', { 'pavia.py': script('PCA(n_components=15, random_state=0).fit_transform(test_cube.reshape(-1, 103))') }).map((f) => f.line)).toEqual([13]);
  });

  it('stays silent when the test block is transformed with the PCA of the training block', () => {
    expect(rule('fit-on-test', { 'pavia.py': script('pca.transform(test_cube.reshape(-1, 103))') })).toEqual([]);
  });
});

describe('a dataset built twice over the same files', () => {
  const script = (evalDataset: string) => py`
    import glob

    import numpy as np
    import torch
    import torch.nn as nn
    from torch.utils.data import DataLoader, Dataset

    torch.manual_seed(0)
    image_paths = sorted(glob.glob("images/*.tif"))
    mask_paths = sorted(glob.glob("masks/*.tif"))
    val_images = sorted(glob.glob("val/images/*.tif"))
    val_masks = sorted(glob.glob("val/masks/*.tif"))


    class CellDataset(Dataset):
        def __init__(self, images, masks, augment=None, mode="train"):
            self.images = [np.load(p) for p in images]
            self.masks = [np.load(p) for p in masks]
            self.augment = augment

        def __len__(self):
            return len(self.images)

        def __getitem__(self, i):
            return torch.from_numpy(self.images[i]), torch.from_numpy(self.masks[i])


    model = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.Conv2d(8, 1, 1))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    train_loader = DataLoader(CellDataset(image_paths, mask_paths, "flip"), batch_size=8, shuffle=True)
    for epoch in range(50):
        model.train()
        for x, y in train_loader:
            loss = nn.functional.binary_cross_entropy_with_logits(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
    eval_ds = ${evalDataset}
    model.eval()
    ious = []
    with torch.no_grad():
        for x, y in DataLoader(eval_ds, batch_size=4):
            pred = (torch.sigmoid(model(x)) > 0.5).float()
            ious.append(((pred * y).sum() / ((pred + y) > 0).float().sum()).item())
    print(np.mean(ious))
  `;

  it('fires when the evaluation dataset holds the training files again (without augmentation)', () => {
    expect(rule('no-held-out-evaluation', { 'cells.py': script('CellDataset(image_paths, mask_paths, augment=None)') }).map((f) => f.line)).toEqual([43]);
  });

  it('stays silent when it is built over other files, or its arguments may pick another part', () => {
    expect(rule('no-held-out-evaluation', { 'cells.py': script('CellDataset(val_images, val_masks)') })).toEqual([]);
    expect(rule('no-held-out-evaluation', { 'cells.py': script('CellDataset(image_paths, mask_paths, mode="eval")') })).toEqual([]);
  });
});

describe("a two-tower model's towers run by attribute", () => {
  const script = (prelude: string, body: string) => py`
    import pandas as pd
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    torch.manual_seed(0)
    events = pd.read_parquet("events.parquet")
    from_end = events.groupby("uidx").cumcount(ascending=False)
    test, valid, train = events[from_end == 0], events[from_end == 1], events[from_end >= 2]


    class TwoTower(nn.Module):
        def __init__(self):
            super().__init__()
            self.user = nn.Sequential(nn.Embedding(1000, 32), nn.Dropout(0.2))
            self.item = nn.Sequential(nn.Embedding(500, 32), nn.Dropout(0.2))


    model = TwoTower()
    opt = torch.optim.Adam(model.parameters())


    @torch.no_grad()
    def recall_at_k(split_df, k=50):
        ${prelude}
        ${body}


    for epoch in range(10):
        model.train()
        u, i = torch.as_tensor(train.uidx.to_numpy()), torch.as_tensor(train.iidx.to_numpy())
        loss = F.cross_entropy(model.user(u) @ model.item(i).T, torch.arange(len(u)))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(recall_at_k(valid))
    print(recall_at_k(test))
  `;
  const towers = 'scores = model.user(torch.as_tensor(split_df.uidx.to_numpy())) @ model.item(torch.arange(500)).T\n        return (scores.topk(k).indices == torch.as_tensor(split_df.iidx.to_numpy())[:, None]).any(1).float().mean().item()';

  it('fires when the metric helper runs the towers in train mode', () => {
    expect(rule('missing-eval-mode', { 'towers.py': script('pass', towers) })).toHaveLength(1);
  });

  it("stays silent when it switches to eval mode, or only reads the model's parameters", () => {
    expect(rule('missing-eval-mode', { 'towers.py': script('model.eval()', towers) })).toEqual([]);
    expect(rule('missing-eval-mode', { 'towers.py': script('pass', 'return sum(p.numel() for p in model.parameters()) + len(model.state_dict())') })).toEqual([]);
  });
});

describe('recommenders scored with lightfm.evaluation and implicit.evaluation', () => {
  const lightfm = (evaluate: string) => py`
    import pandas as pd
    from lightfm import LightFM
    from lightfm.cross_validation import random_train_test_split
    from lightfm.data import Dataset
    from lightfm.evaluation import precision_at_k

    saves = pd.read_csv("saves.csv")
    ds = Dataset()
    ds.fit(users=saves.user_id.unique(), items=saves.recipe_id.unique())
    interactions, _ = ds.build_interactions(zip(saves.user_id, saves.recipe_id))
    train, test = random_train_test_split(interactions, test_percentage=0.2, random_state=7)
    user_map, _, item_map, _ = ds.mapping()
    model = LightFM(no_components=48, loss="warp", random_state=7)
    model.fit(${evaluate === 'held-out' ? 'train' : 'interactions'}, epochs=30)
    print(${evaluate === 'held-out' ? 'precision_at_k(model, test, train_interactions=train, k=10).mean()' : 'precision_at_k(model, interactions, k=10).mean()'})
    print(model.predict(user_map[saves.user_id.iloc[0]], list(item_map.values())))
  `;

  it('fires when LightFM is scored on the interactions it was fitted on', () => {
    expect(rule('no-held-out-evaluation', { 'recs.py': lightfm('train') })).toHaveLength(1);
  });

  it('stays silent when it is scored on held-out interactions', () => {
    expect(rule('no-held-out-evaluation', { 'recs.py': lightfm('held-out') })).toEqual([]);
  });

  const implicit = (fitOn: string) => ({
    'data.py': py`
      import pandas as pd
      import scipy.sparse as sp


      def to_csr(df):
          return sp.csr_matrix((df["plays"].to_numpy(), (df["uidx"].to_numpy(), df["iidx"].to_numpy())))


      def build_matrices(df):
          from_end = df.sort_values(["uidx", "ts"]).groupby("uidx").cumcount(ascending=False)
          train_df, test_df = df[from_end > 0], df[from_end == 0]
          return to_csr(df), to_csr(train_df), to_csr(test_df)
    `,
    'train.py': py`
      import pandas as pd
      from implicit.als import AlternatingLeastSquares
      from implicit.evaluation import ranking_metrics_at_k

      from data import build_matrices

      events = pd.read_parquet("plays.parquet")
      user_items, train_items, test_items = build_matrices(events)
      model = AlternatingLeastSquares(factors=64, regularization=0.05, random_state=3)
      model.fit(${fitOn})
      print(ranking_metrics_at_k(model, train_items, test_items, K=10))
    `,
  });

  it('fires when implicit ALS is fitted on the full matrix, held-out plays included', () => {
    expect(rule('fit-on-test', implicit('user_items')).map((f) => `${f.file}:${f.line}`)).toEqual(['train.py:10']);
  });

  it('stays silent when it is fitted on the training matrix', () => {
    expect(rule('fit-on-test', implicit('train_items'))).toEqual([]);
  });

  it("stays silent on Kaggle's train.csv and test.csv put together for features and cut apart again", () => {
    const kaggle = py`
      import numpy as np
      import pandas as pd
      from sklearn.linear_model import Ridge


      def build_features(train, test):
          both = pd.concat([train.drop(columns="SalePrice"), test])
          both["TotalSF"] = both["1stFlrSF"] + both["2ndFlrSF"]
          return both.iloc[:len(train)], both.iloc[len(train):]


      train, test = pd.read_csv("train.csv"), pd.read_csv("test.csv")
      X, X_test = build_features(train, test)
      model = Ridge(alpha=10.0).fit(X, np.log1p(train["SalePrice"]))
      pd.DataFrame({"Id": test["Id"], "SalePrice": np.expm1(model.predict(X_test))}).to_csv("submission.csv", index=False)
    `;
    expect(rule('fit-on-test', { 'blend.py': kaggle })).toEqual([]);
  });

  const sweep = (scoredOn: string) => py`
    from implicit.als import AlternatingLeastSquares
    from implicit.evaluation import ndcg_at_k, train_test_split
    import scipy.sparse as sp

    plays = sp.load_npz("plays.npz")
    dev, test = train_test_split(plays, train_percentage=0.9, random_state=1)
    fit_part, valid = train_test_split(dev, train_percentage=0.9, random_state=1)
    best, best_cfg = -1.0, None
    for factors in (32, 64, 128):
        m = AlternatingLeastSquares(factors=factors, random_state=1)
        m.fit(fit_part)
        score = ndcg_at_k(m, fit_part, ${scoredOn}, K=10)
        if score > best:
            best, best_cfg = score, factors
    final = AlternatingLeastSquares(factors=best_cfg, random_state=1)
    final.fit(dev)
    print(ndcg_at_k(final, dev, test, K=10))
  `;

  it('fires when a factor sweep is ranked on the test interactions', () => {
    expect(rule('test-set-selection', { 'sweep.py': sweep('test') })).toHaveLength(1);
  });

  it('stays silent when it is ranked on validation interactions', () => {
    expect(rule('test-set-selection', { 'sweep.py': sweep('valid') })).toEqual([]);
  });
});

describe('an out-of-time sample named oot', () => {
  const script = (validSets: string) => py`
    import lightgbm as lgb
    import pandas as pd
    from sklearn.metrics import roc_auc_score


    def time_split(df, col, start):
        return df[df[col] < start], df[df[col] >= start]


    df = pd.read_parquet("applications.parquet")
    FEATS = ["income", "dti", "age"]
    dev, oot = time_split(df, "application_date", "2023-01-01")
    fit_rows, val_rows = time_split(dev, "application_date", "2022-07-01")
    dtrain = lgb.Dataset(fit_rows[FEATS], fit_rows["bad"])
    dval = lgb.Dataset(val_rows[FEATS], val_rows["bad"], reference=dtrain)
    doot = lgb.Dataset(oot[FEATS], oot["bad"], reference=dtrain)
    booster = lgb.train({"objective": "binary", "seed": 1}, dtrain, 3000, valid_sets=${validSets}, callbacks=[lgb.early_stopping(100)])
    print(roc_auc_score(oot["bad"], booster.predict(oot[FEATS], num_iteration=booster.best_iteration)))
  `;

  it('fires when it is the early-stopping set', () => {
    expect(rule('test-set-selection', { 'pd_model.py': script('[dtrain, doot]') }).map((f) => f.line)).toEqual([17]);
  });

  it('stays silent when a validation period stops training and the out-of-time sample is scored once', () => {
    expect(rule('test-set-selection', { 'pd_model.py': script('[dtrain, dval]') })).toEqual([]);
  });
});

describe('held-out parts known by how they are cut and named', () => {
  const windows = (scored: string) => py`
    import numpy as np
    import pandas as pd
    import torch
    import torch.nn as nn

    torch.manual_seed(0)
    sales = pd.read_csv("data/walmart/train.csv", parse_dates=["Date"])
    wide = sales.pivot_table(index="Date", columns="Store", values="Weekly_Sales").sort_index()
    scaled = (wide / wide.iloc[:-26].mean()).values.astype(np.float32)


    def make_windows(arr, start, end):
        X = np.stack([arr[t - 52:t] for t in range(start, end - 4)])
        Y = np.stack([arr[t:t + 4] for t in range(start, end - 4)])
        return torch.from_numpy(X), torch.from_numpy(Y)


    split_t = len(wide) - 26
    X_tr, Y_tr = make_windows(scaled, 52, split_t)
    X_te, Y_te = make_windows(scaled, split_t, len(wide))
    model = nn.Sequential(nn.Flatten(), nn.Linear(52 * scaled.shape[1], 4 * scaled.shape[1]))
    opt = torch.optim.Adam(model.parameters())
    for epoch in range(20):
        opt.zero_grad()
        loss = nn.functional.l1_loss(model(X_tr), Y_tr.flatten(1))
        loss.backward()
        opt.step()
    model.eval()
    with torch.no_grad():
        print(nn.functional.l1_loss(model(${scored}), ${scored === 'X_te' ? 'Y_te' : 'Y_tr'}.flatten(1)).item())
  `;

  it("fires when only the training windows of Kaggle's train.csv are scored", () => {
    expect(rule('no-held-out-evaluation', { 'lstm.py': windows('X_tr') })).toHaveLength(1);
  });

  it('stays silent when windows cut from its last weeks and named for the test part are scored', () => {
    expect(rule('no-held-out-evaluation', { 'lstm.py': windows('X_te') })).toEqual([]);
  });

  const seasons = (scoredOn: string, holdName: string) => ({
    'model.py': py`
      import numpy as np
      import pandas as pd
      from catboost import CatBoostRegressor


      def prepare(df):
          return df.sort_values(["style_id", "week"]).copy()


      def season_split(df):
          order = sorted(df["season"].unique())
          return df[df["season"] < order[-1]], df[df["season"] == order[-1]]


      def score(model, df):
          return float(np.mean(np.abs(model.predict(df[["discount", "weeks_left"]]) - df["rate"])))
    `,
    'run.py': py`
      import pandas as pd
      from catboost import CatBoostRegressor

      from model import prepare, score, season_split

      hist = prepare(pd.read_csv("data/clearance_weekly.csv"))
      train, ${holdName} = season_split(hist)
      model = CatBoostRegressor(iterations=500, random_seed=1).fit(train[["discount", "weeks_left"]], train["rate"])
      print(score(model, ${scoredOn}))
    `,
  });

  it('fires when a helper scores the model on its training seasons only', () => {
    expect(rule('no-held-out-evaluation', seasons('train', 'test'))).toHaveLength(1);
  });

  it('stays silent when the last season (test, or hold) is scored, even from a frame named hist', () => {
    expect(rule('no-held-out-evaluation', seasons('test', 'test'))).toEqual([]);
    expect(rule('no-held-out-evaluation', seasons('hold', 'hold'))).toEqual([]);
  });
});

describe('clinical models validated without a split', () => {
  const harrell = (loop: string) => py`
    import numpy as np
    import pandas as pd
    import statsmodels.api as sm
    import statsmodels.formula.api as smf
    from sklearn.metrics import roc_auc_score


    def fit(data):
        return smf.glm("death_30d ~ age + urea + resp_rate", data=data, family=sm.families.Binomial()).fit()


    cap = pd.read_csv("cap_cohort.csv")
    final = fit(cap)
    apparent = roc_auc_score(cap["death_30d"], final.predict(cap))
    rng = np.random.default_rng(11)
    optimism = []
    ${loop}
    print(apparent - np.mean(optimism) if optimism else apparent)
  `;
  const bootstrap = 'for b in range(200):\n        boot = cap.iloc[rng.integers(0, len(cap), len(cap))]\n        m = fit(boot)\n        optimism.append(roc_auc_score(boot["death_30d"], m.predict(boot)) - roc_auc_score(cap["death_30d"], m.predict(cap)))';

  it('fires when only the apparent performance on the fitted cohort is reported', () => {
    expect(rule('no-held-out-evaluation', { 'cap.py': harrell('pass') })).toHaveLength(1);
  });

  it("stays silent when Harrell's bootstrap refits the model on resamples (optimism correction)", () => {
    expect(rule('no-held-out-evaluation', { 'cap.py': harrell(bootstrap) })).toEqual([]);
  });

  const propensity = (extra: string, seed: string) => py`
    import numpy as np
    import pandas as pd
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.metrics import roc_auc_score

    ${seed}
    df = pd.read_csv("visits.csv")
    X, a = df[["age", "charlson", "los"]].to_numpy(), df["early_visit"].to_numpy()
    ps_model = RandomForestClassifier(n_estimators=500, min_samples_leaf=25${extra})
    ps_model.fit(X, a)
    ps = ps_model.${extra.includes('oob') ? 'oob_decision_function_[:, 1]' : 'predict_proba(X)[:, 1]'}
    print(roc_auc_score(a, ps))
  `;

  it('fires when a forest is scored on the rows it was fitted on, and when only a generator of its own is seeded', () => {
    expect(rule('no-held-out-evaluation', { 'ps.py': propensity(', random_state=3', '') })).toHaveLength(1);
    expect(rule('missing-random-seed', { 'ps.py': propensity(', oob_score=True', 'rng = np.random.default_rng(7)') }).map((f) => f.line)).toEqual([9]);
  });

  it('stays silent on out-of-bag scores, and when the global generator is seeded', () => {
    expect(rule('no-held-out-evaluation', { 'ps.py': propensity(', oob_score=True, random_state=3', '') })).toEqual([]);
    expect(rule('missing-random-seed', { 'ps.py': propensity(', oob_score=True', 'np.random.seed(7)') })).toEqual([]);
  });
});

describe("validation engines carved out of C-MAPSS's train file", () => {
  const script = (carve: string, fitOn: string) => py`
    import numpy as np
    import pandas as pd
    from sklearn.ensemble import RandomForestRegressor
    from sklearn.metrics import mean_squared_error
    from sklearn.preprocessing import StandardScaler

    train = pd.read_csv("data/train_FD001.txt", sep=" ")
    train["RUL"] = train.groupby("unit_nr")["time_cycles"].transform("max") - train["time_cycles"]
    SENSORS = ["s2", "s3", "s4", "s7"]
    rng = np.random.default_rng(5)
    is_val = train["unit_nr"].isin(rng.choice(train["unit_nr"].unique(), 20, replace=False))
    ${carve}
    scaler = StandardScaler().fit(${fitOn}[SENSORS])
    model = RandomForestRegressor(n_estimators=200, random_state=5).fit(scaler.transform(fit_df[SENSORS]), fit_df["RUL"])
    print(mean_squared_error(val_df["RUL"], model.predict(scaler.transform(val_df[SENSORS]))) ** 0.5)
  `;
  const together = 'fit_df, val_df = train[~is_val].copy(), train[is_val].copy()';
  const apart = 'fit_df = train[~is_val].copy()\n    val_df = train[is_val].copy()';

  it('fires when the scaler is fitted on the whole train file, validation engines included', () => {
    expect(rule('preprocessing-before-split', { 'rul.py': script(together, 'train') })).toHaveLength(1);
  });

  it('stays silent when it is fitted on the engines kept for fitting', () => {
    expect(rule('preprocessing-before-split', { 'rul.py': script(together, 'fit_df') })).toEqual([]);
    expect(rule('preprocessing-before-split', { 'rul.py': script(apart, 'fit_df') })).toEqual([]);
  });
});

describe('a statistic taken two helpers deep', () => {
  const project = (rows: string) => ({
    'features.py': py`
      import pandas as pd


      def smoothed_target_mean(df, col, target, m):
          stats = df.groupby(col)[target].agg(["sum", "count"])
          prior = df[target].mean()
          return df[col].map((stats["sum"] + m * prior) / (stats["count"] + m))


      def build_features(df):
          out = pd.DataFrame(index=df.index)
          out["age"] = df["age"]
          out["drg_risk"] = smoothed_target_mean(df, "drg", "readmit", 50)
          return out
    `,
    'train.py': py`
      import lightgbm as lgb
      import pandas as pd
      from sklearn.metrics import roc_auc_score
      from sklearn.model_selection import GroupShuffleSplit

      from features import build_features

      df = pd.read_csv("stays.csv")
      tr_idx, te_idx = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=3).split(df, groups=df["patient_id"]))
      train, test = df.iloc[tr_idx], df.iloc[te_idx]
      X = build_features(${rows})
      model = lgb.LGBMClassifier(random_state=3).fit(X.loc[train.index], train["readmit"])
      print(roc_auc_score(test["readmit"], model.predict_proba(X.loc[test.index])[:, 1]))
    `,
  });

  it('fires at the outer call, with the inner call and the statistic as sites', () => {
    const found = rule('preprocessing-before-split', project('df'));
    expect(found).toHaveLength(1);
    expect(found[0]!.sites?.map((s) => `${s.file}:${s.line}`)).toEqual(expect.arrayContaining(['features.py:13']));
  });

  it('stays silent when the features are built from the training rows', () => {
    expect(rule('preprocessing-before-split', project('train'))).toEqual([]);
  });
});

describe('estimator settings unpacked from a config file', () => {
  const project = (settings: string) => ({
    'promo_config.json': settings,
    'train.py': py`
      import json

      import numpy as np
      import pandas as pd
      from sklearn.neural_network import MLPRegressor

      cfg = json.load(open("promo_config.json"))
      events = pd.read_csv("promos.csv")
      train, test = events[events.week < 40], events[events.week >= 40]
      model = MLPRegressor(**cfg["mlp"]).fit(train[["depth", "price"]], train["lift"])
      print(np.mean(np.abs(model.predict(test[["depth", "price"]]) - test["lift"])))
    `,
  });

  it('fires when no settings file names a seed', () => {
    expect(rule('missing-random-seed', project('{"mlp": {"hidden_layer_sizes": [64, 32], "early_stopping": true}}')).map((f) => f.line)).toEqual([10]);
  });

  it('stays silent when the settings name random_state, or a dict of parameters in the file does', () => {
    expect(rule('missing-random-seed', project('{"mlp": {"hidden_layer_sizes": [64, 32], "random_state": 11}}'))).toEqual([]);
    const inFile = project('{}');
    inFile['train.py'] = inFile['train.py']!.replace('cfg = json.load(open("promo_config.json"))', 'cfg = {"mlp": dict(hidden_layer_sizes=(64, 32), random_state=11)}');
    expect(rule('missing-random-seed', inFile)).toEqual([]);
  });
});

describe('an external validation cohort', () => {
  const script = (evalSet: string) => py`
    import pandas as pd
    import xgboost as xgb
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import train_test_split

    dev = pd.read_csv("site_a.csv")
    ext = pd.read_csv("site_b.csv")
    FEATS = ["age", "lactate", "gcs"]
    X_dev, y_dev = dev[FEATS], dev["died"]
    X_ext, y_ext = ext[FEATS], ext["died"]
    X_tr, X_int, y_tr, y_int = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=4)
    model = xgb.XGBClassifier(n_estimators=2000, early_stopping_rounds=50, random_state=4)
    model.fit(X_tr, y_tr, eval_set=[${evalSet}])
    print(roc_auc_score(y_ext, model.predict_proba(X_ext)[:, 1]))
  `;

  it('fires when it stops the boosting early', () => {
    expect(rule('test-set-selection', { 'validate.py': script('(X_ext, y_ext)') })).toHaveLength(1);
  });

  it('stays silent when the internal split stops it and the external cohort is scored once', () => {
    expect(rule('test-set-selection', { 'validate.py': script('(X_int, y_int)') })).toEqual([]);
  });
});
