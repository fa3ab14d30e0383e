"""Optuna search for the ResMLP energy-load regressor."""
import json
from pathlib import Path

import numpy as np
import optuna
import pandas as pd
import torch
import yaml
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from tabnet_lite.engine import fit, predict
from tabnet_lite.model import ResMLPRegressor

CFG = yaml.safe_load(Path("conf/search.yaml").read_text())
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"


def make_loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.as_tensor(X, dtype=torch.float32), torch.as_tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


def load_splits():
    df = pd.read_parquet(CFG["data"]["path"]).sort_values("timestamp")
    feats, target = CFG["data"]["features"], CFG["data"]["target"]
    n = len(df)
    tr, va = df.iloc[: int(0.7 * n)], df.iloc[int(0.7 * n): int(0.85 * n)]
    te = df.iloc[int(0.85 * n):]
    scaler = StandardScaler().fit(tr[feats])
    return [(scaler.transform(part[feats]), part[target].to_numpy()) for part in (tr, va, te)]


def build_and_fit(params, splits, trial=None):
    (X_tr, y_tr), (X_va, y_va), _ = splits
    torch.manual_seed(CFG["seed"])
    model = ResMLPRegressor(X_tr.shape[1], params["width"], params["depth"], params["dropout"]).to(DEVICE)
    opt = torch.optim.AdamW(model.parameters(), lr=params["lr"], weight_decay=params["weight_decay"])
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=3)

    def report(epoch, rmse):
        if trial is not None:
            trial.report(rmse, epoch)
            if trial.should_prune():
                raise optuna.TrialPruned()

    rmse = fit(model, make_loader(X_tr, y_tr, params["batch_size"], True),
               make_loader(X_va, y_va, 2048, False), y_va, opt, torch.nn.HuberLoss(),
               DEVICE, CFG["max_epochs"], CFG["patience"], sched, report)
    return model, rmse


def main():
    np.random.seed(CFG["seed"])
    splits = load_splits()

    def objective(trial):
        params = {
            "width": trial.suggest_categorical("width", [64, 128, 256]),
            "depth": trial.suggest_int("depth", 1, 5),
            "dropout": trial.suggest_float("dropout", 0.0, 0.4),
            "lr": trial.suggest_float("lr", 1e-4, 5e-3, log=True),
            "weight_decay": trial.suggest_float("weight_decay", 1e-6, 1e-2, log=True),
            "batch_size": trial.suggest_categorical("batch_size", [256, 512, 1024]),
        }
        return build_and_fit(params, splits, trial)[1]

    study = optuna.create_study(direction="minimize",
                                sampler=optuna.samplers.TPESampler(seed=CFG["seed"]),
                                pruner=optuna.pruners.MedianPruner(n_warmup_steps=5))
    study.optimize(objective, n_trials=CFG["n_trials"])

    model, _ = build_and_fit(study.best_params, splits)
    (X_tr, y_tr), _, (X_te, y_te) = splits
    pred = predict(model, make_loader(X_te, y_te, 2048, False), DEVICE)
    ridge = RidgeCV(alphas=np.logspace(-3, 3, 13)).fit(X_tr, y_tr)
    results = {
        "resmlp": {"mae": mean_absolute_error(y_te, pred), "rmse": mean_squared_error(y_te, pred) ** 0.5},
        "ridge": {"mae": mean_absolute_error(y_te, ridge.predict(X_te)),
                  "rmse": mean_squared_error(y_te, ridge.predict(X_te)) ** 0.5},
        "best_params": study.best_params,
    }
    print(json.dumps(results, indent=2))
    out = Path(CFG["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), out / "resmlp.pt")
    (out / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
