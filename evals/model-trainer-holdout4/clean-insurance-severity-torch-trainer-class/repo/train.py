"""Claim severity (log cost of a motor property-damage claim) - tabular MLP vs. GLM baseline."""
import json
import logging

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.linear_model import TweedieRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.compose import ColumnTransformer
from torch.utils.data import DataLoader, TensorDataset

from severity.engine import Engine
from severity.utils import seed_everything

NUM = ["vehicle_value", "vehicle_age", "driver_age", "bonus_malus", "annual_km", "n_parties"]
CAT = ["vehicle_class", "region", "fuel", "claim_type"]


def loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.as_tensor(X, dtype=torch.float32), torch.as_tensor(y, dtype=torch.float32).unsqueeze(1))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed_everything(cfg["seed"])
    logging.basicConfig(level=logging.INFO)

    claims = pd.read_parquet(cfg["data"])
    claims["log_cost"] = np.log(claims["paid_amount"].clip(lower=1))
    tr = claims[claims["accident_year"].isin(cfg["train_years"])]
    va = claims[claims["accident_year"] == cfg["valid_year"]]
    te = claims[claims["accident_year"] == cfg["test_year"]]

    prep = ColumnTransformer([("num", StandardScaler(), NUM),
                              ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CAT)])
    X_tr = prep.fit_transform(tr[NUM + CAT])
    X_va, X_te = prep.transform(va[NUM + CAT]), prep.transform(te[NUM + CAT])
    y_tr, y_va, y_te = tr["log_cost"].to_numpy(), va["log_cost"].to_numpy(), te["log_cost"].to_numpy()

    net = nn.Sequential(nn.Linear(X_tr.shape[1], 128), nn.ReLU(), nn.Dropout(0.2),
                        nn.Linear(128, 64), nn.ReLU(), nn.Dropout(0.1), nn.Linear(64, 1))
    engine = Engine(net, torch.optim.Adam(net.parameters(), lr=cfg["lr"]), nn.HuberLoss(delta=1.0),
                    "cuda" if torch.cuda.is_available() else "cpu", cfg["checkpoint"], cfg["patience"])
    y_va_t = torch.as_tensor(y_va, dtype=torch.float32).unsqueeze(1)
    engine.fit(loader(X_tr, y_tr, cfg["batch_size"], True), loader(X_va, y_va, 4096, False), cfg["max_epochs"],
               valid_metric=lambda pred: torch.mean(torch.abs(pred - y_va_t)).item())

    glm = make_pipeline(TweedieRegressor(power=0, alpha=1e-3, max_iter=1000)).fit(X_tr, y_tr)
    pred_nn = engine.predict(loader(X_te, y_te, 4096, False)).squeeze(1).numpy()
    pred_glm = glm.predict(X_te)
    report = {}
    for name, p in [("mlp", pred_nn), ("glm_baseline", pred_glm), ("train_mean", np.full_like(y_te, y_tr.mean()))]:
        report[name] = {"mae_log": mean_absolute_error(y_te, p), "rmse_log": float(np.sqrt(mean_squared_error(y_te, p))),
                        "median_abs_pct_err": float(np.median(np.abs(np.exp(p) - np.exp(y_te)) / np.exp(y_te)))}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
