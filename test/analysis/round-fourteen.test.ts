// Round-fourteen idioms (real estate, education, agriculture, support tickets): each mechanism fires on the wrong
// variant and stays silent on the correct one.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\ntorch==2.5.1\n' };
const rule = (id: string, files: Record<string, string>) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === id);

describe("the label averaged over each row's nearest neighbours", () => {
  const houses = (lag: string) => py`
    import numpy as np
    import pandas as pd
    from sklearn.datasets import fetch_california_housing
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.metrics import mean_absolute_error
    from sklearn.model_selection import train_test_split
    from sklearn.neighbors import BallTree

    cal = fetch_california_housing(as_frame=True)
    df = cal.frame.copy()
    FEATS = ["MedInc", "HouseAge", "Latitude", "Longitude", "nbr_value"]
    ${lag}
    m = HistGradientBoostingRegressor(random_state=7).fit(train_df[FEATS], train_df["MedHouseVal"])
    print(mean_absolute_error(test_df["MedHouseVal"], m.predict(test_df[FEATS])))
  `;
  const rad = (frame: string) => `np.radians(${frame}[["Latitude", "Longitude"]].to_numpy())`;

  it('fires when the neighbours and their labels are taken from all rows before the split', () => {
    const found = rule('preprocessing-before-split', {
      'lag.py': houses(`tree = BallTree(${rad('df')}, metric="haversine")
    dist, idx = tree.query(${rad('df')}, k=11)
    nbr_idx = idx[:, 1:]
    df["nbr_value"] = df["MedHouseVal"].to_numpy()[nbr_idx].mean(axis=1)
    train_df, test_df = train_test_split(df, test_size=0.2, random_state=7)`),
    });
    expect(found.map((f) => f.line)).toEqual([15]);
    expect(found[0]?.issue).toContain("averages the label `MedHouseVal` over each row's nearest neighbours");
  });

  it('fires for np.mean over the neighbours of a kNN model as well', () => {
    const found = rule('preprocessing-before-split', {
      'lag.py': houses(`from sklearn.neighbors import NearestNeighbors
    y = df["MedHouseVal"].to_numpy()
    nn = NearestNeighbors(n_neighbors=11).fit(${rad('df')})
    _, idx = nn.kneighbors(${rad('df')})
    df["nbr_value"] = np.mean(y[idx[:, 1:]], axis=1)
    train_df, test_df = train_test_split(df, test_size=0.2, random_state=7)`),
    });
    expect(found.map((f) => f.line)).toEqual([16]);
  });

  it('stays silent when the index holds training rows only and test rows look their neighbours up there', () => {
    const found = rule('preprocessing-before-split', {
      'lag.py': houses(`train_df, test_df = train_test_split(df, test_size=0.2, random_state=7)
    train_df, test_df = train_df.copy(), test_df.copy()
    tree = BallTree(${rad('train_df')}, metric="haversine")
    _, idx = tree.query(${rad('train_df')}, k=11)
    y_tr = train_df["MedHouseVal"].to_numpy()
    train_df["nbr_value"] = y_tr[idx[:, 1:]].mean(axis=1)
    _, tidx = tree.query(${rad('test_df')}, k=10)
    test_df["nbr_value"] = y_tr[tidx].mean(axis=1)`),
    });
    expect(found).toEqual([]);
  });

  it('stays silent for neighbour means of a feature, and keeps df.query a row filter', () => {
    const found = rule('preprocessing-before-split', {
      'lag.py': houses(`df = df.query("MedHouseVal < 5")
    tree = BallTree(${rad('df')}, metric="haversine")
    dist, idx = tree.query(${rad('df')}, k=11)
    df["nbr_value"] = df["MedInc"].to_numpy()[idx[:, 1:]].mean(axis=1)
    train_df, test_df = train_test_split(df, test_size=0.2, random_state=7)`),
    });
    expect(found).toEqual([]);
  });
});

describe("scikit-learn's bundled datasets", () => {
  const encoded = (name: string, split: string) => py`
    from sklearn.datasets import fetch_california_housing
    from sklearn.linear_model import Ridge
    from sklearn.metrics import r2_score
    from sklearn.model_selection import train_test_split

    ${name} = fetch_california_housing(as_frame=True)
    df = ${name}.frame.copy()
    FEATS = ["MedInc", "AveRooms", "age_value"]
    ${split}
    print(r2_score(te["MedHouseVal"], Ridge().fit(tr[FEATS], tr["MedHouseVal"]).predict(te[FEATS])))
  `;
  const before = `df["age_value"] = df.groupby("HouseAge")["MedHouseVal"].transform("mean")
    tr, te = train_test_split(df, test_size=0.2, random_state=0)`;

  it('are all of the data, whatever they are called (`cal` is California, not a calibration set)', () => {
    expect(rule('preprocessing-before-split', { 'fit.py': encoded('cal', before) }).map((f) => f.line)).toEqual([9]);
    expect(rule('preprocessing-before-split', { 'fit.py': encoded('housing', before) }).map((f) => f.line)).toEqual([9]);
  });

  it('stays silent when the encoding is learned on the training rows', () => {
    const after = `tr, te = train_test_split(df, test_size=0.2, random_state=0)
    means = tr.groupby("HouseAge")["MedHouseVal"].mean()
    tr, te = tr.assign(age_value=tr["HouseAge"].map(means)), te.assign(age_value=te["HouseAge"].map(means))`;
    expect(rule('preprocessing-before-split', { 'fit.py': encoded('cal', after) })).toEqual([]);
  });
});

describe('the held-out folder a project calls its test set', () => {
  const plants = (testDir: string, finalEval: string) => py`
    import torch
    import torch.nn as nn
    from torch.utils.data import DataLoader
    from torchvision import datasets, models, transforms

    torch.manual_seed(0)
    tf = transforms.Compose([transforms.Resize(224), transforms.ToTensor()])
    train_ds = datasets.ImageFolder("data/plants/train", transform=tf)
    test_ds = datasets.ImageFolder("data/plants/${testDir}", transform=tf)
    train_loader = DataLoader(train_ds, batch_size=64, shuffle=True)
    test_loader = DataLoader(test_ds, batch_size=64)
    model = models.resnet18(weights=None, num_classes=len(train_ds.classes))
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4)
    loss_fn = nn.CrossEntropyLoss()

    @torch.no_grad()
    def evaluate(model, loader):
        model.eval()
        correct, total = 0, 0
        for x, y in loader:
            correct += (model(x).argmax(1) == y).sum().item()
            total += y.numel()
        return correct / total

    best_acc = 0.0
    for epoch in range(20):
        model.train()
        for x, y in train_loader:
            opt.zero_grad()
            loss_fn(model(x), y).backward()
            opt.step()
        ${finalEval}
  `;
  const keepBest = `acc = evaluate(model, test_loader)
        if acc > best_acc:
            best_acc = acc
            torch.save(model.state_dict(), "best.pt")`;

  it('fires when the best epoch is kept by accuracy on it, though its folder is called "valid"', () => {
    expect(rule('test-set-selection', { 'train.py': plants('valid', keepBest) }).map((f) => f.line)).toEqual([33]);
    expect(rule('test-set-selection', { 'train.py': plants('test', keepBest) }).map((f) => f.line)).toEqual([33]);
  });

  it('stays silent when it is only scored, once per epoch, with nothing kept by the score', () => {
    expect(rule('test-set-selection', { 'train.py': plants('valid', 'print(epoch, evaluate(model, test_loader))') })).toEqual([]);
  });
});

describe('tickets ordered by when they were created', () => {
  const tickets = (cv: string) => py`
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, TimeSeriesSplit, cross_val_score

    t = pd.read_parquet("tickets.parquet").sort_values("created_at").reset_index(drop=True)
    g = t.groupby("customer_id")
    t["prev_escalations"] = g["escalated"].cumsum() - t["escalated"]
    X, y = t[["prev_escalations", "priority"]], t["escalated"]
    print(cross_val_score(LogisticRegression(max_iter=500), X, y, cv=${cv}, scoring="roc_auc").mean())
  `;

  it('fires on shuffled folds across time', () => {
    expect(rule('shuffled-time-series-split', { 'cv.py': tickets('StratifiedKFold(5, shuffle=True, random_state=0)') }).map((f) => f.line)).toEqual([9]);
  });

  it('stays silent on forward-chaining folds', () => {
    expect(rule('shuffled-time-series-split', { 'cv.py': tickets('TimeSeriesSplit(n_splits=5)') })).toEqual([]);
  });
});

describe("fastText's autotune", () => {
  const ft = (valid: string, scored: string) => py`
    from pathlib import Path
    import fasttext

    DATA = Path("data/ft")
    model = fasttext.train_supervised(
        input=str(DATA / "tickets.train"),
        autotuneValidationFile=str(DATA / "${valid}"),
        autotuneDuration=600,
        seed=1,
    )
    n, p1, r1 = model.test(str(DATA / "${scored}"))
    print(f"P@1={p1:.3f} R@1={r1:.3f}")
  `;

  it('fires when the file it tuned on is the file the model is scored on', () => {
    const found = rule('test-set-selection', { 'ft.py': ft('tickets.holdout', 'tickets.holdout') });
    expect(found.map((f) => f.line)).toEqual([7]);
    expect(found[0]?.sites).toEqual([{ file: 'ft.py', line: 11 }]);
  });

  it('fires when it tunes on a file named for the test set', () => {
    expect(rule('test-set-selection', { 'ft.py': ft('tickets.test', 'tickets.test') }).map((f) => f.line)).toEqual([7]);
  });

  it('stays silent when it tunes on a validation file and is scored on another', () => {
    expect(rule('test-set-selection', { 'ft.py': ft('tickets.valid', 'tickets.holdout') })).toEqual([]);
  });
});

describe('cross-validation run on the test rows', () => {
  const noise = (part: string) => py`
    import pandas as pd
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
    from sklearn.pipeline import make_pipeline

    def pipe():
        return make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000, random_state=0))

    def prune(df):
        probs = cross_val_predict(pipe(), df["text"], df["y"], cv=StratifiedKFold(5, shuffle=True, random_state=0), method="predict_proba")
        return df[probs[range(len(df)), df["y"]] > 0.1]

    df = pd.read_csv("tickets.csv")
    train_df, test_df = train_test_split(df, test_size=0.2, stratify=df["y"], random_state=0)
    train_df = prune(train_df)
    ${part}
    model = pipe().fit(train_df["text"], train_df["y"])
    print(f1_score(test_df["y"], model.predict(test_df["text"]), average="macro"))
  `;

  it('fires when the folds fit models on the test rows and their labels (here, to prune "mislabelled" test rows)', () => {
    const found = rule('fit-on-test', { 'noise.py': noise('test_df = prune(test_df)') });
    expect(found.map((f) => f.line)).toEqual([18]);
    expect(found[0]?.issue).toContain('`cross_val_predict(pipe(), df["text"], ...)`');
  });

  it('stays silent when only the training rows are cross-validated', () => {
    expect(rule('fit-on-test', { 'noise.py': noise('print(len(test_df))') })).toEqual([]);
  });
});

describe('`import timm.utils` binds `timm`', () => {
  const seeded = (imports: string) => py`
    ${imports}
    import torch
    from torch.utils.data import DataLoader, TensorDataset

    timm.utils.random_seed(7)
    ds = TensorDataset(torch.zeros(64, 3), torch.zeros(64))
    net = torch.nn.Linear(3, 1)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for xb, yb in DataLoader(ds, batch_size=8, shuffle=True):
        opt.zero_grad()
        torch.nn.functional.mse_loss(net(xb).squeeze(1), yb).backward()
        opt.step()
  `;

  it("so timm's seed helper is recognised however timm is imported", () => {
    expect(rule('missing-random-seed', { 'train.py': seeded('import timm\nimport timm.utils') })).toEqual([]);
    expect(rule('missing-random-seed', { 'train.py': seeded('import timm.utils') })).toEqual([]);
  });

  it('and a helper of that name that is not timm still seeds nothing', () => {
    expect(rule('missing-random-seed', { 'train.py': seeded('import timm\nimport timm.utils').replace('timm.utils.random_seed(7)', 'timm.utils.random_pick(7)') }).map((f) => f.line)).toEqual([10]);
  });
});

describe('a frozen feature extractor kept in eval mode', () => {
  const patchcore = (init: string, extra = '') => py`
    import torch
    from torchvision.models import wide_resnet50_2

    class PatchCore:
        def __init__(self):
            net = wide_resnet50_2(weights="IMAGENET1K_V1")
            ${init}
            self.memory = None

        @torch.no_grad()
        def embed(self, x):
            return self.net(x).flatten(1)

        def fit(self, loader):
            self.memory = torch.cat([self.embed(x) for x, _ in loader])
            return self
        ${extra}
        @torch.no_grad()
        def predict(self, x):
            return torch.cdist(self.embed(x), self.memory).min(dim=1).values
  `;

  it('stays silent: the backbone is put in eval mode where it is kept, and nothing trains it', () => {
    expect(rule('missing-eval-mode', { 'patchcore.py': patchcore('self.net = net.eval()') })).toEqual([]);
  });

  it('fires when the backbone is kept in its default (training) mode', () => {
    expect(rule('missing-eval-mode', { 'patchcore.py': patchcore('self.net = net') }).map((f) => f.line)).toEqual([18]);
  });

  it('fires when something in the file switches it back to training', () => {
    const finetune = `def finetune(self):
            self.net.train()
    `;
    expect(rule('missing-eval-mode', { 'patchcore.py': patchcore('self.net = net.eval()', finetune) }).length).toBe(1);
  });
});

describe('normalisation constants computed from every image', () => {
  const neu = (stats: string) => py`
    from pathlib import Path

    import numpy as np
    import pandas as pd
    from PIL import Image
    from sklearn.model_selection import train_test_split
    from torch.utils.data import DataLoader, Dataset
    from torchvision import transforms as T

    class Steel(Dataset):
        def __init__(self, frame, tf):
            self.paths, self.labels, self.tf = frame.path.tolist(), frame.label.tolist(), tf
        def __len__(self):
            return len(self.paths)
        def __getitem__(self, i):
            return self.tf(Image.open(self.paths[i])), self.labels[i]

    df = pd.DataFrame({"path": sorted(Path("data").glob("*.bmp"))})
    df["label"] = df.path.map(lambda p: p.stem.split("_")[0])
    ${stats}
    train_df, test_df = train_test_split(df, test_size=0.2, stratify=df.label, random_state=0)
    eval_tf = T.Compose([T.ToTensor(), T.Normalize([MEAN], [STD])])
    train_dl = DataLoader(Steel(train_df, eval_tf), batch_size=32)
    test_dl = DataLoader(Steel(test_df, eval_tf), batch_size=64)
  `;

  it('fires at the statistics, kept as plain floats', () => {
    const found = rule('preprocessing-before-split', {
      'prep.py': neu(`pix = np.stack([np.asarray(Image.open(p), dtype=np.float32) / 255.0 for p in df.path])
    MEAN, STD = float(pix.mean()), float(pix.std())`),
    });
    expect(found.map((f) => f.line)).toEqual([21]);
  });

  it('stays silent for fixed constants', () => {
    expect(rule('preprocessing-before-split', { 'prep.py': neu('MEAN, STD = 0.5, 0.25') })).toEqual([]);
  });

  it('stays silent for per-sample summaries taken in a helper run per item', () => {
    const perItem = `def feats(p):
        a = np.asarray(Image.open(p), dtype=np.float32)
        return {"mean": float(a.mean()), "std": float(a.std())}
    df = df.join(pd.DataFrame([feats(p) for p in df.path]))
    MEAN, STD = 0.5, 0.25`;
    expect(rule('preprocessing-before-split', { 'prep.py': neu(perItem) })).toEqual([]);
  });
});

describe('estimator settings unpacked from a config that names no seed for them', () => {
  const sgd = (section: string) => ({
    'config.json': JSON.stringify({ seed: 13, test_size: 0.2, sgd: JSON.parse(section) }),
    'train.py': py`
      import json
      import pandas as pd
      from sklearn.linear_model import SGDClassifier
      from sklearn.metrics import f1_score
      from sklearn.model_selection import train_test_split

      cfg = json.load(open("config.json"))
      df = pd.read_csv("reviews.csv")
      tr, te = train_test_split(df, test_size=cfg["test_size"], random_state=cfg["seed"])
      clf = SGDClassifier(**cfg["sgd"])
      clf.fit(tr[["len", "stars"]], tr["label"])
      print(f1_score(te["label"], clf.predict(te[["len", "stars"]])))
    `,
  });

  it('fires: the seed in the config reaches the split only', () => {
    expect(rule('missing-random-seed', sgd('{"loss": "log_loss", "early_stopping": true}')).map((f) => f.line)).toEqual([10]);
  });

  it('stays silent when the section names random_state', () => {
    expect(rule('missing-random-seed', sgd('{"loss": "log_loss", "random_state": 13}'))).toEqual([]);
  });
});

describe('daily aggregates per entity', () => {
  const ratings = (cv: string) => py`
    import lightgbm as lgb
    import pandas as pd
    from sklearn.model_selection import KFold, TimeSeriesSplit, cross_val_score

    reviews = pd.read_parquet("reviews.parquet")
    reviews["review_date"] = pd.to_datetime(reviews["review_date"]).dt.normalize()
    daily = reviews.groupby(["app_id", "review_date"]).agg(avg_rating=("rating", "mean"), n=("rating", "size")).reset_index()
    g = daily.groupby("app_id")
    daily["lag1"] = g["avg_rating"].shift(1)
    daily["target"] = g["avg_rating"].shift(-1)
    data = daily.dropna()
    model = lgb.LGBMRegressor(random_state=0)
    print(cross_val_score(model, data[["avg_rating", "lag1", "n"]], data["target"], cv=${cv}).mean())
  `;

  it('are a time series once each entity gets its history: shuffled folds fire', () => {
    expect(rule('shuffled-time-series-split', { 'fc.py': ratings('KFold(5, shuffle=True, random_state=0)') }).map((f) => f.line)).toEqual([13]);
  });

  it('stay silent with forward-chaining folds', () => {
    expect(rule('shuffled-time-series-split', { 'fc.py': ratings('TimeSeriesSplit(5)') })).toEqual([]);
  });

  it('are still a table of statistics when merged back onto the rows', () => {
    const merged = py`
      import pandas as pd
      from sklearn.linear_model import Ridge
      from sklearn.model_selection import train_test_split

      df = pd.read_csv("sales.csv")
      daily = df.groupby(["store", "date"]).agg(store_day_mean=("sales", "mean")).reset_index()
      df = df.merge(daily, on=["store", "date"])
      tr, te = train_test_split(df, test_size=0.2, random_state=0)
      print(Ridge().fit(tr[["store_day_mean", "price"]], tr["sales"]).score(te[["store_day_mean", "price"]], te["sales"]))
    `;
    expect(rule('preprocessing-before-split', { 'm.py': merged }).map((f) => f.line)).toEqual([6]);
  });
});

describe('offline copies made before the split', () => {
  it('fires for nlpaug paraphrases added to the reviews', () => {
    const code = (where: string) => py`
      import nlpaug.augmenter.word as naw
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      from sklearn.model_selection import train_test_split

      reviews = pd.read_csv("reviews.csv")
      aug = naw.SynonymAug(aug_src="wordnet")
      ${where}
      clf = LogisticRegression(max_iter=500, random_state=0).fit(tr[["len"]], tr["negative"])
    `;
    const before = `neg = reviews.loc[reviews["negative"] == 1, "text"].tolist()
      extra = [aug.augment(t)[0] for t in neg]
      data = pd.concat([reviews, pd.DataFrame({"text": extra, "negative": 1})], ignore_index=True)
      tr, te = train_test_split(data, test_size=0.2, random_state=0)`;
    expect(rule('oversampling-before-split', { 'a.py': code(before) }).length).toBe(1);
    const after = `tr, te = train_test_split(reviews, test_size=0.2, random_state=0)
      neg = tr.loc[tr["negative"] == 1, "text"].tolist()
      extra = [aug.augment(t)[0] for t in neg]
      tr = pd.concat([tr, pd.DataFrame({"text": extra, "negative": 1})], ignore_index=True)`;
    expect(rule('oversampling-before-split', { 'a.py': code(after) })).toEqual([]);
  });

  const balance = (frame: string) => py`
    import albumentations as A
    import cv2
    import pandas as pd
    from sklearn.model_selection import train_test_split

    AUG = A.Compose([A.HorizontalFlip(p=0.5), A.RandomRotate90(p=1.0)])

    def balance(df):
        rows = []
        for k, row in enumerate(df[df["label"] == "rare"].itertuples()):
            out = AUG(image=cv2.imread(f"crops/{row.filename}"))["image"]
            name = f"aug{k:05d}_{row.filename}"
            cv2.imwrite(f"crops/{name}", out)
            rows.append({"filename": name, "label": row.label})
        return pd.concat([df, pd.DataFrame(rows)], ignore_index=True)

    df = pd.read_csv("labels.csv")
    ${frame}
  `;

  it('fires for augmented crops written to disk and listed before the split', () => {
    const found = rule('oversampling-before-split', { 'b.py': balance('df = balance(df)\n    tr, te = train_test_split(df, test_size=0.2, stratify=df["label"], random_state=0)') });
    expect(found.map((f) => f.line)).toEqual([18]);
  });

  it('stays silent when only the training part is balanced', () => {
    expect(rule('oversampling-before-split', { 'b.py': balance('tr, te = train_test_split(df, test_size=0.2, stratify=df["label"], random_state=0)\n    tr = balance(tr)') })).toEqual([]);
  });
});

describe('Keras random_transform copies written to disk and listed as (path, label)', () => {
  const cats = (pool: string) => py`
    import glob
    import os
    import pandas as pd
    from sklearn.model_selection import train_test_split
    from tensorflow.keras.preprocessing.image import ImageDataGenerator, array_to_img, img_to_array, load_img

    raw = pd.DataFrame([(p, os.path.basename(os.path.dirname(p))) for p in glob.glob("raw/*/*.jpg")], columns=["path", "label"])
    augmenter = ImageDataGenerator(rotation_range=25, horizontal_flip=True)
    ${pool}
    rows = []
    for path, label in src.itertuples(index=False):
        img = img_to_array(load_img(path, target_size=(160, 160)))
        for k in range(4):
            out_path = f"aug/{label}/{os.path.basename(path)}_{k}.jpg"
            array_to_img(augmenter.random_transform(img, seed=k)).save(out_path)
            rows.append((out_path, label))
    df = pd.concat([raw, pd.DataFrame(rows, columns=["path", "label"])], ignore_index=True)
  `;

  it('fires when the copies join the pool that is split afterwards', () => {
    const found = rule('oversampling-before-split', { 'aug.py': cats('src = raw') + 'tr, te = train_test_split(df, test_size=0.15, stratify=df["label"], random_state=7)\n' });
    expect(found.map((f) => f.line)).toEqual([16]);
  });

  it('stays silent when only the training photos are copied', () => {
    const found = rule('oversampling-before-split', { 'aug.py': cats('raw, te = train_test_split(raw, test_size=0.15, stratify=raw["label"], random_state=7)\n    src = raw') });
    expect(found).toEqual([]);
  });
});

describe('an image folder read again with a Normalize built from its own statistics', () => {
  const fmnist = (stats: string) => py`
    import numpy as np
    import torch
    from torch.utils.data import DataLoader, Subset
    from torchvision import datasets, transforms

    def mean_std(ds):
        s, s2, n = torch.zeros(1), torch.zeros(1), 0
        for x, _ in DataLoader(ds, batch_size=512):
            s, s2, n = s + x.sum(), s2 + (x ** 2).sum(), n + x.numel()
        return (s / n).tolist(), ((s2 / n - (s / n) ** 2).sqrt()).tolist()

    torch.manual_seed(0)
    np.random.seed(0)
    full = datasets.ImageFolder("data/png", transform=transforms.ToTensor())
    ${stats}
    full = datasets.ImageFolder("data/png", transform=transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)]))
    idx = np.random.permutation(len(full))
    train_ds, test_ds = Subset(full, idx[:6000]), Subset(full, idx[6000:])
  `;

  it('fires: the statistics are of every image, the test ones included', () => {
    expect(rule('preprocessing-before-split', { 'f.py': fmnist('mean, std = mean_std(full)') }).map((f) => f.line)).toEqual([15]);
  });

  it('stays silent for published constants', () => {
    expect(rule('preprocessing-before-split', { 'f.py': fmnist('mean, std = [0.286], [0.353]') })).toEqual([]);
  });
});

describe('round 25-26 idioms', () => {
  it('a stratified split is no sign of imbalance: accuracy alone stays MEDIUM', () => {
    const code = py`
      import pandas as pd
      from sklearn.linear_model import LogisticRegression
      from sklearn.metrics import accuracy_score
      from sklearn.model_selection import train_test_split

      df = pd.read_csv("galaxies.csv")
      X_tr, X_te, y_tr, y_te = train_test_split(df[["g_r", "r_i"]], df["kind"], stratify=df["kind"], test_size=0.2, random_state=0)
      clf = LogisticRegression(max_iter=500).fit(X_tr, y_tr)
      print(accuracy_score(y_te, clf.predict(X_te)))
    `;
    expect(analyze({ ...REQ, 'c.py': code }).findings.filter((f) => f.rule === 'accuracy-only').map((f) => f.severity)).toEqual(['MEDIUM']);
    const weighted = code.replace('LogisticRegression(max_iter=500)', 'LogisticRegression(max_iter=500, class_weight="balanced")');
    expect(analyze({ ...REQ, 'c.py': weighted }).findings.filter((f) => f.rule === 'accuracy-only').map((f) => f.severity)).toEqual(['HIGH']);
  });

  const curves = (oot: string) => py`
    import numpy as np
    import pandas as pd
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.model_selection import GroupShuffleSplit

    meta = pd.read_csv("toi.csv")
    flux = np.load("flux.npy")

    def normalise(f):
        ${oot}
        return f / np.median(base) - 1.0

    X = np.stack([normalise(f) for f in flux])
    tr, te = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0).split(X, meta["label"], groups=meta["tic"]))
    clf = RandomForestClassifier(random_state=0).fit(X[tr], meta["label"].iloc[tr])
    print(clf.score(X[te], meta["label"].iloc[te]))
  `;

  it("a piece of one sample named `oot` (out of transit) in a per-curve helper is no test period, and its median is the curve's own", () => {
    const found = analyze({ ...REQ, 'c.py': curves('oot = np.r_[f[:128], f[-128:]]\n        base = oot') }).findings.filter((f) => f.rule === 'fit-on-test' || f.rule === 'preprocessing-before-split');
    expect(found).toEqual([]);
  });

  it('a median of all curves taken before the split still fires', () => {
    const code = curves('base = f').replace('X = np.stack(', 'flux = flux / np.median(flux)\n    X = np.stack(');
    expect(rule('preprocessing-before-split', { 'c.py': code }).length).toBe(1);
  });

  const clauses = (pick: string) => py`
    import numpy as np
    import pandas as pd
    from sentence_transformers import SentenceTransformer
    from sklearn.metrics import f1_score

    val, test = pd.read_csv("pairs_val.csv"), pd.read_csv("pairs_test.csv")
    texts = pd.unique(pd.concat([val.a, val.b, test.a, test.b]))
    index = {t: i for i, t in enumerate(texts)}
    emb = SentenceTransformer("all-mpnet-base-v2").encode(list(texts), normalize_embeddings=True)

    def scores(df):
        return np.sum(emb[df["a"].map(index).to_numpy()] * emb[df["b"].map(index).to_numpy()], axis=1)

    def best_threshold(y, s):
        grid = np.quantile(s, np.linspace(0.02, 0.98, 49))
        f1s = [f1_score(y, s >= t) for t in grid]
        return float(grid[int(np.argmax(f1s))])

    val_s, test_s = scores(val), scores(test)
    thr = best_threshold(${pick}.label.to_numpy(), ${pick}_s)
    print(f1_score(test.label, test_s >= thr))
  `;

  it('rows looked up in a table embedded once for every part are the rows of the part that looks them up', () => {
    expect(rule('test-set-selection', { 'c.py': clauses('val') })).toEqual([]);
    expect(rule('test-set-selection', { 'c.py': clauses('test') }).length).toBeGreaterThan(0);
  });

  it('an encoder given its vocabulary learns nothing from the test rows', () => {
    const code = (ctor: string) => py`
      import pandas as pd
      from sklearn.preprocessing import MultiLabelBinarizer

      train, test = pd.read_json("train.jsonl", lines=True), pd.read_json("test.jsonl", lines=True)
      mlb = ${ctor}
      Y_train, Y_test = (mlb.fit_transform(df.labels) for df in (train, test))
    `;
    expect(rule('fit-on-test', { 'c.py': code('MultiLabelBinarizer(classes=list(range(10)))') })).toEqual([]);
    expect(rule('fit-on-test', { 'c.py': code('MultiLabelBinarizer()') }).length).toBe(1);
  });

  it("spaCy's fix_random_seed seeds Python's random", () => {
    const code = (seed: string) => py`
      import random
      import spacy
      from spacy.training import Example

      ${seed}
      nlp = spacy.blank("en")
      ner = nlp.add_pipe("ner")
      data = [("Acme v. Smith", {"entities": [(0, 4, "ORG")]})]
      optimizer = nlp.initialize()
      for epoch in range(10):
          random.shuffle(data)
          for text, ann in data:
              nlp.update([Example.from_dict(nlp.make_doc(text), ann)], sgd=optimizer)
    `;
    expect(rule('missing-random-seed', { 'c.py': code('spacy.util.fix_random_seed(0)') })).toEqual([]);
    expect(rule('missing-random-seed', { 'c.py': code('') }).length).toBe(1);
  });

  const rates = (cols: string) => py`
    import pandas as pd
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import train_test_split

    df = pd.read_csv("hris.csv")
    rate_cols = []
    for col in ["JobRole", "EducationField"]:
        rates = df.groupby(col)["Attrition"].mean()
        df[f"{col}_attr_rate"] = df[col].map(rates)
        rate_cols.append(f"{col}_attr_rate")
    features = ${cols}
    X_train, X_test, y_train, y_test = train_test_split(df[features], df["Attrition"], stratify=df["Attrition"], random_state=0)
    clf = HistGradientBoostingClassifier(random_state=0).fit(X_train, y_train)
  `;

  it('target rates written to columns named in a loop, then picked through the list the loop grew, fire', () => {
    expect(rule('preprocessing-before-split', { 'c.py': rates('["Age", "MonthlyIncome"] + rate_cols') }).map((f) => f.line)).toEqual([8]);
  });

  it('and stay silent when the picked columns leave the rates out', () => {
    expect(rule('preprocessing-before-split', { 'c.py': rates('["Age", "MonthlyIncome"]') })).toEqual([]);
  });

  it('a Trainer evaluating on the split a setting names: test stops early on the test set, validation does not', () => {
    const files = (split: string) => ({
      'config.json': JSON.stringify({ eval_split: split, seed: 1 }),
      'train.py': py`
        import json
        from datasets import load_dataset
        from transformers import AutoModelForSequenceClassification, EarlyStoppingCallback, Trainer, TrainingArguments, set_seed

        cfg = json.load(open("config.json"))
        set_seed(cfg["seed"])
        ds = load_dataset("lex_glue", "ledgar")
        model = AutoModelForSequenceClassification.from_pretrained("bert-base-uncased", num_labels=100)
        args = TrainingArguments(output_dir="out", evaluation_strategy="epoch", save_strategy="epoch", load_best_model_at_end=True, seed=cfg["seed"])
        trainer = Trainer(model=model, args=args, train_dataset=ds["train"], eval_dataset=ds[cfg["eval_split"]], callbacks=[EarlyStoppingCallback(2)])
        trainer.train()
        print(trainer.evaluate(ds["test"]))
      `,
    });
    expect(rule('test-set-selection', files('test')).map((f) => f.line)).toEqual([10]);
    expect(rule('test-set-selection', files('validation'))).toEqual([]);
  });
});

describe('test and validation carved as two folds of one grouped K-fold', () => {
  const carve = (assign: string, monitor: string) => py`
    import pandas as pd
    import torch
    from sklearn.metrics import balanced_accuracy_score
    from sklearn.model_selection import StratifiedGroupKFold

    torch.manual_seed(0)
    df = pd.read_csv("lesions.csv")
    folds = list(StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=0).split(df, df["label"], groups=df["patient_id"]))
    ${assign}
    train = df.drop(index=test.index.union(val.index))
    model = torch.nn.Linear(4, 3)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    X = lambda d: torch.tensor(d[["a", "b", "c", "e"]].to_numpy(), dtype=torch.float32)
    best = 0.0
    for epoch in range(10):
        model.train()
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(X(train)), torch.tensor(train["label"].to_numpy())).backward()
        opt.step()
        model.eval()
        with torch.no_grad():
            bacc = balanced_accuracy_score(${monitor}["label"], model(X(${monitor})).argmax(1).numpy())
        if bacc > best:
            best = bacc
            torch.save(model.state_dict(), "best.pt")
  `;

  it('stays silent when the epoch is kept by the fold named for validation', () => {
    expect(rule('test-set-selection', { 't.py': carve('test = df.iloc[folds[0][1]]\n    val = df.iloc[folds[1][1]]', 'val') })).toEqual([]);
    expect(rule('test-set-selection', { 't.py': carve('test, val = df.iloc[folds[0][1]], df.iloc[folds[1][1]]', 'val') })).toEqual([]);
  });

  it('fires when it is kept by the test fold', () => {
    expect(rule('test-set-selection', { 't.py': carve('test = df.iloc[folds[0][1]]\n    val = df.iloc[folds[1][1]]', 'test') }).length).toBe(1);
  });
});

describe("fastText's autotune, scored again on its validation file", () => {
  it('stays silent: the validation score is reported as such, and the test file is scored once', () => {
    const code = py`
      import fasttext

      tuned = fasttext.train_supervised(input="ft/train.txt", autotuneValidationFile="ft/valid.txt", seed=1)
      n_val, p_val, _ = tuned.test("ft/valid.txt")
      print(f"valid P@1={p_val:.4f}")
      print(tuned.test("ft/test.txt"))
    `;
    expect(rule('test-set-selection', { 'ft.py': code })).toEqual([]);
  });
});
