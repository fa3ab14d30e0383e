// Helpers, classes and objectives defined in other files of the review are followed through the
// project's own imports; calls the analyzer cannot follow make absence-based rules stay silent.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();

const REQ = { 'requirements.txt': 'numpy==2.1.3\n' };
const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

const FEATURES = py`
  from sklearn.preprocessing import QuantileTransformer

  def squash(table, cols):
      qt = QuantileTransformer(n_quantiles=100)
      table[cols] = qt.fit_transform(table[cols])
      return table
`;

describe('helpers of other files', () => {
  it('fires at the call site for a helper module that fits on all rows before the split (via .pipe)', () => {
    const main = py`
      import pandas as pd
      from sklearn.model_selection import train_test_split
      from tools.features import squash

      rides = pd.read_csv("rides.csv")
      rides = rides.pipe(squash, cols=["km", "minutes"])
      fit_part, check_part = train_test_split(rides, random_state=1)
    `;
    const found = of({ 'tools/__init__.py': '', 'tools/features.py': FEATURES, 'main.py': main }, 'preprocessing-before-split');
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['main.py', 6, 'CRITICAL']]);
    expect(found[0]?.sites).toEqual(expect.arrayContaining([{ file: 'tools/features.py', line: 5 }, { file: 'main.py', line: 7 }]));
  });

  it('stays silent when the same helper is applied to the training part after the split', () => {
    const main = py`
      import pandas as pd
      from sklearn.model_selection import train_test_split
      import tools.features as tf

      rides = pd.read_csv("rides.csv")
      fit_part, check_part = train_test_split(rides, random_state=1)
      fit_part = tf.squash(fit_part, ["km", "minutes"])
    `;
    expect(of({ 'tools/__init__.py': '', 'tools/features.py': FEATURES, 'main.py': main }, 'preprocessing-before-split')).toEqual([]);
    expect(of({ 'tools/__init__.py': '', 'tools/features.py': FEATURES, 'main.py': main }, 'fit-on-test')).toEqual([]);
  });

  it('follows relative imports inside a package and cites the refit on the test rows', () => {
    const main = py`
      import pandas as pd
      from sklearn.model_selection import train_test_split
      from .features import squash

      rides = pd.read_csv("rides.csv")
      a, b = train_test_split(rides, random_state=1)
      a = squash(a, ["km"])
      b = squash(b, ["km"])
    `;
    const found = of({ 'app/__init__.py': '', 'app/features.py': FEATURES, 'app/run.py': main }, 'fit-on-test');
    expect(found.map((f) => [f.file, f.line])).toEqual([['app/run.py', 8]]);
    expect(found[0]?.sites).toEqual([{ file: 'app/features.py', line: 5 }]);
  });
});

describe('classes of other files', () => {
  const TRAINER = py`
    from dataclasses import dataclass
    from sklearn.ensemble import ExtraTreesRegressor
    from sklearn.metrics import mean_absolute_error

    @dataclass
    class Study:
        table: object
        target: str

        def __post_init__(self):
            self.X = self.table.drop(columns=[self.target])
            self.y = self.table[self.target]

        def train(self):
            self.model = ExtraTreesRegressor(n_estimators=300, min_samples_leaf=3).fit(self.X, self.y)
            return self

        def report(self, X=None, y=None):
            X = self.X if X is None else X
            y = self.y if y is None else y
            return mean_absolute_error(y, self.model.predict(X))
  `;
  it('fires no-held-out-evaluation when a method scores the rows the class was trained on', () => {
    const main = py`
      import pandas as pd
      from study import Study

      s = Study(pd.read_csv("plants.csv"), target="yield")
      print(s.train().report())
    `;
    const found = of({ 'study.py': TRAINER, 'main.py': main }, 'no-held-out-evaluation');
    // Cited at the call that ran the scoring, the metric inside the class as a site.
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['main.py', 5, 'HIGH']]);
    expect(found[0]?.sites).toEqual([{ file: 'study.py', line: 21 }]);
  });

  it('stays silent when the caller splits and passes the held-out rows to the method', () => {
    const main = py`
      import pandas as pd
      from sklearn.model_selection import train_test_split
      from study import Study

      plants = pd.read_csv("plants.csv")
      fit_rows, test_rows = train_test_split(plants, random_state=0)
      s = Study(fit_rows, target="yield").train()
      print(s.report(test_rows.drop(columns=["yield"]), test_rows["yield"]))
    `;
    expect(of({ 'study.py': TRAINER, 'main.py': main }, 'no-held-out-evaluation')).toEqual([]);
  });
});

describe('hyperparameter search objectives of other files', () => {
  const SEARCH = py`
    import optuna
    from sklearn.svm import SVR
    from sklearn.metrics import r2_score

    def tune(xa, ya, xb, yb):
        def objective(trial):
            model = SVR(C=trial.suggest_float("C", 0.01, 100, log=True)).fit(xa, ya)
            return r2_score(yb, model.predict(xb))

        study = optuna.create_study(direction="maximize")
        study.optimize(objective, n_trials=40)
        return study.best_params
  `;
  it('fires when the objective scores trials on the test part the caller passes in', () => {
    const main = py`
      import pandas as pd
      from sklearn.model_selection import train_test_split
      from search import tune

      df = pd.read_csv("cement.csv")
      X_train, X_test, y_train, y_test = train_test_split(df[["a", "b"]], df["s"], random_state=0)
      best = tune(X_train, y_train, X_test, y_test)
    `;
    const found = of({ 'search.py': SEARCH, 'main.py': main }, 'test-set-selection');
    // Cited where the test rows are handed over (what to change), the objective's score as a site.
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['main.py', 7, 'CRITICAL']]);
    expect(found[0]?.sites).toEqual(expect.arrayContaining([{ file: 'search.py', line: 8 }]));
  });

  it('stays silent when the objective is scored on a validation part', () => {
    const main = py`
      import pandas as pd
      from sklearn.model_selection import train_test_split
      from search import tune

      df = pd.read_csv("cement.csv")
      X_dev, X_test, y_dev, y_test = train_test_split(df[["a", "b"]], df["s"], random_state=0)
      X_tr, X_val, y_tr, y_val = train_test_split(X_dev, y_dev, random_state=0)
      best = tune(X_tr, y_tr, X_val, y_val)
    `;
    expect(of({ 'search.py': SEARCH, 'main.py': main }, 'test-set-selection')).toEqual([]);
  });
});

describe('PyTorch helpers of other files', () => {
  const LOOP = py`
    import torch

    def one_pass(net, batches, opt):
        net.train()
        for xb, yb in batches:
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(net(xb), yb)
            loss.backward()
            opt.step()

    @torch.no_grad()
    def evaluate_net(net, batches):
        net = freeze(net)
        return sum(torch.nn.functional.mse_loss(net(xb), yb).item() for xb, yb in batches)
  `;
  const FREEZE_EVAL = py`
    def freeze(net):
        net.eval()
        return net
  `;
  const FREEZE_NOTHING = py`
    def freeze(net):
        for p in net.parameters():
            p.requires_grad_(False)
        return net
  `;
  const MAIN = py`
    import torch
    from loop import one_pass, evaluate_net

    torch.manual_seed(0)
    net = torch.nn.Linear(3, 1)
    opt = torch.optim.AdamW(net.parameters(), weight_decay=1e-2)
    for epoch in range(20):
        one_pass(net, train_batches, opt)
        print(evaluate_net(net, valid_batches))
        torch.save(net.state_dict(), "net.pt")
  `;
  it('stays silent when a helper of another file switches the model to eval mode', () => {
    const loop = LOOP.replace('import torch\n', 'import torch\nfrom helpers import freeze\n');
    const result = analyze({ ...REQ, 'helpers.py': FREEZE_EVAL, 'loop.py': loop, 'main.py': MAIN });
    expect(result.findings.filter((f) => f.rule === 'missing-eval-mode' || f.rule === 'no-validation-loop')).toEqual([]);
  });

  it('fires when the helper of another file does not switch to eval mode', () => {
    const loop = LOOP.replace('import torch\n', 'import torch\nfrom helpers import freeze\n');
    const found = of({ 'helpers.py': FREEZE_NOTHING, 'loop.py': loop, 'main.py': MAIN }, 'missing-eval-mode');
    expect(found.map((f) => [f.file, f.line, f.severity])).toEqual([['loop.py', 12, 'HIGH']]);
  });

  it('stays silent when the model goes through a function the analyzer cannot see', () => {
    const loop = LOOP.replace('import torch\n', 'import torch\nfrom company_tools.torch import freeze\n');
    expect(of({ 'loop.py': loop, 'main.py': MAIN }, 'missing-eval-mode')).toEqual([]);
  });
});

describe('unknown calls that receive the model', () => {
  const BASE = py`
    import pandas as pd
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.metrics import f1_score

    shots = pd.read_csv("shots.csv")
    clf = GradientBoostingClassifier(n_estimators=200, max_depth=3).fit(shots[["d", "a"]], shots["goal"])
    print(f1_score(shots["goal"], clf.predict(shots[["d", "a"]])))
  `;
  it('fires no-held-out-evaluation when the model is only scored on its training rows', () => {
    expect(of({ 'shots.py': BASE }, 'no-held-out-evaluation').map((f) => f.line)).toEqual([7]);
  });

  it('stays silent when the model is handed to a function of a module outside the review', () => {
    const code = BASE.replace('from sklearn.metrics import f1_score\n', 'from sklearn.metrics import f1_score\nfrom scouting.validation import backtest\n') + 'backtest(clf, season=2024)\n';
    expect(of({ 'shots.py': code }, 'no-held-out-evaluation')).toEqual([]);
  });
});

describe('time order and folds from other files', () => {
  const data = py`
    import pandas as pd

    def load(path):
        raw = pd.read_csv(path)
        raw["ts"] = pd.to_datetime(raw["ts"])
        return raw.sort_values("ts").set_index("ts")
  `;
  const folds = (shuffle: string) => py`
    from sklearn.model_selection import KFold

    def make_splitter(cfg):
        return KFold(n_splits=5, shuffle=${shuffle}, random_state=0)
  `;
  const main = py`
    from sklearn.linear_model import Ridge
    from aq.data import load
    from aq.folds import make_splitter
    hourly = load("pm25.csv")
    hourly["lag1"] = hourly["pm25"].shift(1)
    for fit_idx, hold_idx in make_splitter({"n_splits": 5}).split(hourly):
        Ridge().fit(hourly.iloc[fit_idx][["lag1"]], hourly.iloc[fit_idx]["pm25"])
  `;
  const files = (shuffle: string) => ({ 'aq/__init__.py': '', 'aq/data.py': data, 'aq/folds.py': folds(shuffle), 'train.py': main, 'requirements.txt': 'pandas==2.2.3\n' });

  it('fires for shuffled folds built in a helper module (a config default of shuffle=True), citing each file', () => {
    const [f] = of(files('cfg.get("shuffle", True)'), 'shuffled-time-series-split');
    expect([f?.file, f?.line]).toEqual(['train.py', 6]);
    expect(f?.sites).toEqual(expect.arrayContaining([{ file: 'aq/folds.py', line: 4 }, { file: 'aq/data.py', line: 6 }]));
  });

  it('stays silent when the config default keeps the folds in order', () => {
    expect(of(files('cfg.get("shuffle", False)'), 'shuffled-time-series-split')).toEqual([]);
  });
});

describe('polars: target rates joined back in a helper module before a split by month', () => {
  const features = py`
    import polars as pl

    def add_rates(df, label):
        prior = df[label].mean()
        stats = df.group_by(["origin", "dest"]).agg(pl.col(label).sum().alias("_hits"), pl.len().alias("_n")).with_columns(
            ((pl.col("_hits") + 20 * prior) / (pl.col("_n") + 20)).alias("route_rate")
        ).drop("_hits", "_n")
        return df.join(stats, on=["origin", "dest"], how="left")
  `;
  const split = py`
    import polars as pl

    def by_month(df, valid_month):
        train = df.filter(pl.col("month") < valid_month)
        valid = df.filter(pl.col("month") == valid_month)
        test = df.filter(pl.col("month") > valid_month)
        return train, valid, test
  `;
  const main = (order: string) => py`
    import polars as pl
    from delays.features import add_rates
    from delays.split import by_month
    flights = pl.read_parquet("flights.parquet")
    ${order}
  `;
  const files = (order: string) => ({ 'delays/__init__.py': '', 'delays/features.py': features, 'delays/split.py': split, 'train.py': main(order), 'requirements.txt': 'polars==1.9.0\n' });

  it('fires at the call that handed all the flights to the helper, with the statistic as a site', () => {
    const [f] = of(files('flights = add_rates(flights, "is_late")\ntrain, valid, test = by_month(flights, 11)'), 'preprocessing-before-split');
    expect([f?.file, f?.line]).toEqual(['train.py', 5]);
    expect(f?.sites).toEqual(expect.arrayContaining([{ file: 'delays/features.py', line: 5 }]));
  });

  it('stays silent when the rates are learned after the split, from the training months', () => {
    expect(of(files('train, valid, test = by_month(flights, 11)\ntrain = add_rates(train, "is_late")'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('one root cause across files', () => {
  const loop = py`
    import torch

    def run_epoch(model, loader, optim):
        model.train()
        for batch in loader:
            out = model(**batch)
            out.loss.backward()
            optim.step()
  `;
  const data = py`
    from datasets import load_dataset

    def build_splits(path):
        ds = load_dataset("json", data_files=path)["train"]
        parts = ds.train_test_split(test_size=0.2)
        return parts["train"], parts["test"]
  `;
  const cli = py`
    import torch
    from torch.utils.data import DataLoader
    from pod.data import build_splits
    from pod.loop import run_epoch
    tr, te = build_splits("episodes.jsonl")
    dl = DataLoader(tr, batch_size=16, shuffle=True)
    model = torch.nn.Linear(4, 2)
    optim = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for epoch in range(3):
        run_epoch(model, dl, optim)
  `;
  const files = { 'pod/__init__.py': '', 'pod/loop.py': loop, 'pod/data.py': data, 'cli.py': cli, 'requirements.txt': 'torch==2.5.1\n' };

  it('missing-zero-grad is reported once, at the batch loop, not again at the epoch loop calling it', () => {
    expect(of(files, 'missing-zero-grad').map((f) => [f.file, f.line])).toEqual([['pod/loop.py', 7]]);
  });

  it('missing-random-seed is one finding led by the unseeded split, with the other draws as sites', () => {
    const found = of(files, 'missing-random-seed');
    expect(found.map((f) => [f.file, f.line])).toEqual([['pod/data.py', 5]]);
    expect(found[0]?.sites).toEqual(expect.arrayContaining([{ file: 'cli.py', line: 6 }]));
  });
});

describe('smoothed target rates computed in a helper module and mapped onto all units', () => {
  const features = py`
    def _smoothed_rate(frame, key, target, m):
        prior = frame[target].mean()
        stats = frame.groupby(key)[target].agg(["sum", "count"])
        return (stats["sum"] + m * prior) / (stats["count"] + m)

    def add_priors(frame, keys, target, m=20):
        out = frame.copy()
        for key in keys:
            out[key + "_prior"] = out[key].map(_smoothed_rate(out, key, target, m))
        return out
  `;
  const main = (order: string) => py`
    import pandas as pd
    from sklearn.model_selection import train_test_split
    from lift.features import add_priors
    units = pd.read_csv("units.csv")
    ${order}
  `;
  const files = (order: string) => ({ 'lift/__init__.py': '', 'lift/features.py': features, 'train.py': main(order), 'requirements.txt': 'pandas==2.2.3\n' });

  it('fires at the call that handed every unit to the helper', () => {
    const found = of(files('units = add_priors(units, ["building"], "failed")\ndev, test = train_test_split(units, stratify=units["failed"], random_state=0)'), 'preprocessing-before-split');
    expect(found.map((f) => [f.file, f.line])).toEqual([['train.py', 5]]);
  });

  it('stays silent when the priors are learned on the development part only', () => {
    expect(of(files('dev, test = train_test_split(units, stratify=units["failed"], random_state=0)\ndev = add_priors(dev, ["building"], "failed")'), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('test-set selection inside a helper, on what the caller handed it', () => {
  const model = py`
    import lightgbm as lgb

    def train(params, X_fit, y_fit, X_watch, y_watch):
        fit = lgb.Dataset(X_fit, y_fit)
        watch = lgb.Dataset(X_watch, y_watch, reference=fit)
        return lgb.train(params, fit, num_boost_round=3000, valid_sets=[watch], callbacks=[lgb.early_stopping(100)])
  `;
  const run = (watch: string) => py`
    import pandas as pd
    from sklearn.model_selection import train_test_split
    from burst.model import train
    pipes = pd.read_csv("pipes.csv")
    X_tr, X_te, y_tr, y_te = train_test_split(pipes.drop(columns="burst"), pipes["burst"], stratify=pipes["burst"], random_state=0)
    X_fit, X_val, y_fit, y_val = train_test_split(X_tr, y_tr, stratify=y_tr, random_state=0)
    booster = train({"objective": "binary"}, X_fit, y_fit, ${watch})
  `;
  const files = (watch: string) => ({ 'burst/__init__.py': '', 'burst/model.py': model, 'run.py': run(watch), 'requirements.txt': 'lightgbm==4.5.0\n' });

  it('fires at the call that hands the test set over, with the early-stopping line as a site', () => {
    const [f] = of(files('X_te, y_te'), 'test-set-selection');
    expect([f?.file, f?.line]).toEqual(['run.py', 7]);
    expect(f?.sites).toEqual(expect.arrayContaining([{ file: 'burst/model.py', line: 6 }]));
  });

  it('stays silent when the caller hands over the validation split', () => {
    expect(of(files('X_val, y_val'), 'test-set-selection')).toEqual([]);
  });
});

describe('functions of a module imported with from-package-import-module', () => {
  const data = py`
    from sklearn.model_selection import train_test_split

    def split(df, seed):
        return train_test_split(df[["a", "b"]], df["y"], stratify=df["y"], random_state=seed)
  `;
  const evaluate = py`
    from sklearn.calibration import CalibratedClassifierCV

    def calibrate_and_score(fitted, X_eval, y_eval):
        calib = CalibratedClassifierCV(fitted, method="isotonic", cv="prefit")
        calib.fit(X_eval, y_eval)
        return calib.predict_proba(X_eval)[:, 1]
  `;
  const cli = (rows: string) => py`
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from penguins import data
    from penguins.evaluate import calibrate_and_score
    df = pd.read_csv("penguins.csv")
    X_tr, X_te, y_tr, y_te = data.split(df, 0)
    X_fit, X_cal, y_fit, y_cal = data.split(pd.concat([X_tr, y_tr], axis=1), 0)
    model = LogisticRegression(max_iter=1000).fit(X_fit, y_fit)
    proba = calibrate_and_score(model, ${rows})
  `;
  const files = (rows: string) => ({ 'penguins/__init__.py': '', 'penguins/data.py': data, 'penguins/evaluate.py': evaluate, 'cli.py': cli(rows), 'requirements.txt': 'scikit-learn==1.5.2\n' });

  it('follows data.split(...) and fires for a prefit calibrator fitted on the test rows it returned', () => {
    const [f] = of(files('X_te, y_te'), 'fit-on-test');
    expect([f?.file, f?.line]).toEqual(['cli.py', 9]);
    expect(f?.sites).toEqual(expect.arrayContaining([{ file: 'penguins/evaluate.py', line: 5 }]));
  });

  it('stays silent for the calibration rows split off the training part', () => {
    expect(of(files('X_cal, y_cal'), 'fit-on-test')).toEqual([]);
  });
});

describe('past and future parts returned by a helper', () => {
  const tuning = py`
    import optuna
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score

    def run_study(train_df, eval_df):
        def objective(trial):
            clf = LogisticRegression(C=trial.suggest_float("C", 0.01, 10.0, log=True)).fit(train_df[["a"]], train_df["y"])
            return average_precision_score(eval_df["y"], clf.predict_proba(eval_df[["a"]])[:, 1])
        study = optuna.create_study(direction="maximize")
        study.optimize(objective, n_trials=20)
        return study
  `;
  const cli = (second: string) => py`
    import pandas as pd
    from esc.tuning import run_study
    def time_cut(weeks, cutoff):
        return weeks[weeks["week"] < cutoff], weeks[weeks["week"] >= cutoff]
    weeks = pd.read_csv("weeks.csv")
    past, future = time_cut(weeks, 40)
    study = run_study(past, ${second})
  `;
  const files = (second: string) => ({ 'esc/__init__.py': '', 'esc/tuning.py': tuning, 'cli.py': cli(second), 'requirements.txt': 'optuna==4.1.0\n' });

  it('fires at the call that hands the future weeks to the study', () => {
    const [f] = of(files('future'), 'test-set-selection');
    expect([f?.file, f?.line]).toEqual(['cli.py', 7]);
  });

  it('stays silent when the study only sees the past weeks', () => {
    expect(of(files('past.tail(100)'), 'test-set-selection')).toEqual([]);
  });
});

describe('a trainer class of another module, handed the network and the loaders', () => {
  const TRAINER = py`
    import numpy as np
    import torch
    from sklearn.metrics import roc_auc_score

    class Trainer:
        def __init__(self, model, optimizer, loss_fn, patience):
            self.model = model
            self.opt = optimizer
            self.loss_fn = loss_fn
            self.patience = patience

        @torch.no_grad()
        def evaluate(self, loader):
            self.model.eval()
            losses, ys, ps = [], [], []
            for xb, yb in loader:
                logits = self.model(xb)
                losses.append(self.loss_fn(logits, yb).item() * len(yb))
                ys.append(yb.numpy())
                ps.append(torch.sigmoid(logits).numpy())
            return {"loss": sum(losses) / len(np.concatenate(ys)), "roc_auc": roc_auc_score(np.concatenate(ys), np.concatenate(ps))}

        def fit(self, train_loader, eval_loader, max_epochs):
            best, wait = float("inf"), 0
            for epoch in range(max_epochs):
                self.model.train()
                for xb, yb in train_loader:
                    self.opt.zero_grad()
                    loss = self.loss_fn(self.model(xb), yb)
                    loss.backward()
                    self.opt.step()
                ev = self.evaluate(eval_loader)
                if ev["loss"] < best:
                    best, wait = ev["loss"], 0
                    torch.save(self.model.state_dict(), "best.pt")
                else:
                    wait += 1
                    if wait >= self.patience:
                        break
            return self.evaluate(eval_loader)
  `;
  const DATA = py`
    import numpy as np
    import torch
    from torch.utils.data import Dataset

    class Segments(Dataset):
        def __init__(self, files):
            self.x = torch.from_numpy(np.stack([np.load(f)["x"] for f in files]))
            self.y = torch.from_numpy(np.stack([np.load(f)["y"] for f in files]))

        def __len__(self):
            return len(self.y)

        def __getitem__(self, i):
            return self.x[i], self.y[i]
  `;
  const main = (evalPart: string) => py`
    from pathlib import Path
    import torch
    from sklearn.model_selection import GroupShuffleSplit
    from torch.utils.data import DataLoader
    from kit.data import Segments
    from kit.trainer import Trainer

    torch.manual_seed(0)
    files = sorted(Path("runs").glob("*.npz"))
    groups = [f.stem.split("_")[0] for f in files]
    tr_idx, te_idx = next(GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=0).split(files, groups=groups))
    fit_idx, val_idx = tr_idx[: int(0.8 * len(tr_idx))], tr_idx[int(0.8 * len(tr_idx)):]
    train_dl = DataLoader(Segments([files[i] for i in fit_idx]), batch_size=64, shuffle=True, generator=torch.Generator().manual_seed(0))
    val_dl = DataLoader(Segments([files[i] for i in val_idx]), batch_size=256)
    test_dl = DataLoader(Segments([files[i] for i in te_idx]), batch_size=256)
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(512, 1))
    trainer = Trainer(model, torch.optim.AdamW(model.parameters(), lr=1e-3), torch.nn.BCEWithLogitsLoss(), 5)
    report = trainer.fit(train_dl, ${evalPart}, 50)
    print(report, trainer.evaluate(test_dl))
  `;
  const files = (evalPart: string) => ({ 'kit/__init__.py': '', 'kit/trainer.py': TRAINER, 'kit/data.py': DATA, 'main.py': main(evalPart) });

  it('test-set-selection fires at the call that hands it the test loader (self.model(xb) is a forward pass)', () => {
    const found = of(files('test_dl'), 'test-set-selection');
    expect(found.map((f) => [f.file, f.line])).toEqual([['main.py', 18]]);
    expect(found[0]?.sites).toEqual(expect.arrayContaining([{ file: 'kit/trainer.py', line: 33 }]));
  });

  it('stays silent when it early-stops on the validation loader', () => {
    expect(of(files('val_dl'), 'test-set-selection')).toEqual([]);
  });
});

describe('production-style projects: registries, evaluator objects, artifacts handed between stages', () => {
  it('rows loaded from an artifact into names that say test are the test rows (a calibrator fitted on them is fit-on-test)', () => {
    const evaluate = py`
      import joblib
      from sklearn.calibration import CalibratedClassifierCV
      from sklearn.metrics import brier_score_loss
      models = joblib.load("artifacts/models.joblib")
      X_test, y_test = joblib.load("artifacts/test_split.joblib")
      calibrated = CalibratedClassifierCV(models["gbm"], method="isotonic", cv="prefit")
      ${'calibrated.fit(X_test, y_test)'}
      print(brier_score_loss(y_test, calibrated.predict_proba(X_test)[:, 1]))
    `;
    expect(of({ 'evaluate.py': evaluate }, 'fit-on-test').map((f) => f.line)).toEqual([7]);
    expect(of({ 'evaluate.py': evaluate.replace('X_test, y_test = joblib.load', 'X_cal, y_cal = joblib.load').replace(/X_test|y_test/g, (m) => (m === 'X_test' ? 'X_cal' : 'y_cal')) }, 'fit-on-test')).toEqual([]);
  });

  it('a folder from os.environ.get(...) with a default still lets the written file be found by the reader', () => {
    const settings = py`
      import os
      from pathlib import Path
      DATA_DIR = Path(os.environ.get("FRAUD_DATA_DIR", "data"))
    `;
    const prepare = py`
      import pandas as pd
      from imblearn.over_sampling import SMOTE
      from fraud.settings import DATA_DIR
      raw = pd.read_parquet(DATA_DIR / "transactions.parquet")
      X_bal, y_bal = SMOTE(random_state=0).fit_resample(raw.drop(columns="y"), raw["y"])
      X_bal.assign(y=y_bal).to_parquet(DATA_DIR / "model_table.parquet")
    `;
    const train = py`
      import pandas as pd
      from sklearn.model_selection import train_test_split
      from fraud.settings import DATA_DIR
      table = pd.read_parquet(DATA_DIR / "model_table.parquet")
      X_tr, X_te, y_tr, y_te = train_test_split(table.drop(columns="y"), table["y"], stratify=table["y"], random_state=0)
    `;
    const found = of({ 'fraud/__init__.py': '', 'fraud/settings.py': settings, 'pipeline/01_prepare.py': prepare, 'pipeline/02_train.py': train }, 'oversampling-before-split');
    expect(found.map((f) => [f.file, f.line])).toEqual([['pipeline/01_prepare.py', 5]]);
  });

  const REGISTRY = py`
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    _REGISTRY = {}

    def register(name):
        def deco(fn):
            _REGISTRY[name] = fn
            return fn
        return deco

    def build(name, **ctx):
        return _REGISTRY[name](**ctx)

    @register("logreg")
    def _logreg(seed):
        return LogisticRegression(max_iter=3000, class_weight="balanced")

    @register("rf")
    def _rf(seed):
        return RandomForestClassifier(n_estimators=400, class_weight="balanced_subsample", random_state=seed)
  `;
  const EVALUATOR = (metric: string) => py`
    from sklearn.metrics import accuracy_score, f1_score

    class Evaluator:
        def __init__(self, X, y):
            self.X, self.y = X, y

        def __call__(self, name, model):
            return {"model": name, "score": ${metric}(self.y, model.predict(self.X))}
  `;
  const TRAIN = py`
    import pandas as pd
    from sklearn.model_selection import train_test_split
    from pdm import registry
    from pdm.evaluation import Evaluator
    df = pd.read_parquet("telemetry.parquet")
    X_tr, X_te, y_tr, y_te = train_test_split(df.drop(columns="fails"), df["fails"], stratify=df["fails"], random_state=0)
    on_test = Evaluator(X_te, y_te)
    rows = [on_test(name, registry.build(name, seed=0).fit(X_tr, y_tr)) for name in ["logreg", "rf"]]
  `;
  const project = (metric: string) => ({ 'pdm/__init__.py': '', 'pdm/registry.py': REGISTRY, 'pdm/evaluation.py': EVALUATOR(metric), 'train.py': TRAIN });

  it('accuracy-only fires for an evaluator object (__call__) scoring registry-built classifiers', () => {
    expect(of(project('accuracy_score'), 'accuracy-only').map((f) => [f.file, f.line])).toEqual([['pdm/evaluation.py', 8]]);
  });

  it('stays silent when that evaluator reports F1', () => {
    expect(of(project('f1_score'), 'accuracy-only')).toEqual([]);
  });

  const ENGINE = (body: string) => py`
    import numpy as np
    import torch
    from sklearn.metrics import f1_score

    class Evaluator:
        def __init__(self, device):
            self.device = device

        def run(self, model, loader):
            preds, golds = [], []
            ${body}
            return f1_score(np.concatenate(golds), np.concatenate(preds), average="macro")
  `;
  const RUN = py`
    import torch
    from torch.utils.data import DataLoader
    from torchvision import datasets, transforms
    from kit.engine import Evaluator
    torch.manual_seed(0)
    val_dl = DataLoader(datasets.ImageFolder("leaves/val", transform=transforms.ToTensor()), batch_size=64)
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.LazyLinear(5))
    evaluator = Evaluator("cpu")
    print(evaluator.run(model, val_dl))
  `;
  const loop = 'for images, labels in loader:\n                preds.append(model(images).argmax(1).numpy())\n                golds.append(labels.numpy())';

  it('missing-eval-mode fires in a method handed the validation loader by another file, whatever its name', () => {
    expect(of({ 'kit/__init__.py': '', 'kit/engine.py': ENGINE(loop), 'train.py': RUN }, 'missing-eval-mode').map((f) => [f.file, f.line])).toEqual([['kit/engine.py', 9]]);
  });

  it('stays silent when that method switches to eval mode under no_grad', () => {
    const guarded = `model.eval()\n            with torch.no_grad():\n                ${loop.replace(/\n/g, '\n    ')}`;
    expect(of({ 'kit/__init__.py': '', 'kit/engine.py': ENGINE(guarded), 'train.py': RUN }, 'missing-eval-mode')).toEqual([]);
  });
});

describe('names alone make rows only for loads', () => {
  it('stays silent for constants and frames from calls it cannot see into (TEST_START, dev = frame.filter(...))', () => {
    const code = py`
      from datetime import datetime
      import lightgbm as lgb
      from features import hourly
      TEST_START = datetime(2023, 7, 1)
      feats = hourly("scada.csv")
      dev = feats.filter(feats["ts"] < TEST_START)
      test = feats.filter(feats["ts"] >= TEST_START)
      X_dev, y_dev = dev.drop("y").to_numpy(), dev["y"].to_numpy()
      model = lgb.LGBMRegressor(n_estimators=300, random_state=0).fit(X_dev, y_dev)
      print(model.predict(test.drop("y").to_numpy()))
    `;
    expect(of({ 'features.py': 'def hourly(path):\n    return make(path)\n', 'train.py': code }, 'fit-on-test')).toEqual([]);
  });
});

describe('methods inherited from a base class of the review, and super()', () => {
  const MODELS = py`
    import abc
    from sklearn.linear_model import Ridge
    from sklearn.preprocessing import StandardScaler

    class DemandModel(abc.ABC):
        def __init__(self, name):
            self.name = name
            self.scaler = StandardScaler()

        def fit(self, frame):
            self._fit_core(self.scaler.fit_transform(frame[["price", "promo"]]), frame["units"])
            return self

        def evaluate(self, frame):
            X = self.scaler.${'METHOD'}(frame[["price", "promo"]])
            return self._predict_core(X)

    class RidgeDemandModel(DemandModel):
        def __init__(self, alpha=3.0):
            super().__init__("ridge")
            self.reg = Ridge(alpha=alpha)

        def _fit_core(self, X, y):
            self.reg.fit(X, y)

        def _predict_core(self, X):
            return self.reg.predict(X)
  `;
  const RUN = py`
    import pandas as pd
    from pricing.models import RidgeDemandModel
    sales = pd.read_parquet("sales.parquet")
    history, future = sales[sales["week"] < 40], sales[sales["week"] >= 40]
    m = RidgeDemandModel().fit(history)
    print(m.evaluate(future))
  `;
  const files = (method: string) => ({ 'pricing/__init__.py': '', 'pricing/models.py': MODELS.replace('self.scaler.METHOD(', `self.scaler.${method}(`), 'run.py': RUN });

  it('fit-on-test fires for an inherited evaluate() that refits the scaler (set up by super().__init__) on the rows it scores', () => {
    const found = of(files('fit_transform'), 'fit-on-test');
    expect(found.map((f) => [f.file, f.line])).toEqual([['run.py', 6]]);
    expect(found[0]?.sites).toEqual(expect.arrayContaining([{ file: 'pricing/models.py', line: 15 }]));
  });

  it('stays silent when evaluate() only transforms', () => {
    expect(of(files('transform'), 'fit-on-test')).toEqual([]);
  });
});

describe('an evaluator object held by another object and called through the attribute', () => {
  it('runs its __call__ (accuracy-only fires for it), rather than treating the call as a forward pass', () => {
    const code = py`
      import pandas as pd
      from sklearn.ensemble import RandomForestClassifier
      from sklearn.metrics import accuracy_score
      from sklearn.model_selection import train_test_split

      class Evaluator:
          def __init__(self, X, y):
              self.X, self.y = X, y

          def __call__(self, model):
              return accuracy_score(self.y, model.predict(self.X))

      class Experiment:
          def __init__(self, X_te, y_te):
              self.scorer = Evaluator(X_te, y_te)

          def run(self, model):
              return self.scorer(model)

      df = pd.read_csv("machines.csv")
      X_tr, X_te, y_tr, y_te = train_test_split(df.drop(columns="fail"), df["fail"], stratify=df["fail"], random_state=0)
      print(Experiment(X_te, y_te).run(RandomForestClassifier(n_estimators=200, random_state=0).fit(X_tr, y_tr)))
    `;
    expect(of({ 'exp.py': code }, 'accuracy-only').map((f) => f.line)).toEqual([11]);
  });
});
