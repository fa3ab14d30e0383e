"""5-fold LightGBM for House Prices; folds, seeds and params come from the YAML config.

python train.py configs/lgbm_v3.yaml
"""
import os
import sys

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.pipeline import make_pipeline

from src.features import engineer, target, tree_preprocessor
from src.folds import make_folds
from src.utils import load_config, set_seed


def rmse(y, p):
    return float(np.sqrt(mean_squared_error(y, p)))


def run(cfg: dict) -> None:
    set_seed(cfg["global_seed"])
    os.makedirs(cfg["paths"]["output"], exist_ok=True)

    train = make_folds(pd.read_csv(cfg["paths"]["train"]), cfg["cv"]["n_splits"], cfg["cv"]["seed"])
    train.to_csv(cfg["paths"]["folds"], index=False)
    test = pd.read_csv(cfg["paths"]["test"])

    y = target(train)
    X = engineer(train.drop(columns=["Id", "SalePrice", "kfold"]))
    X_test = engineer(test.drop(columns=["Id"]))

    oof = np.zeros(len(train))
    oof_base = np.zeros(len(train))
    test_pred = np.zeros(len(test))
    for fold in range(cfg["cv"]["n_splits"]):
        tr, va = train["kfold"] != fold, train["kfold"] == fold
        model = make_pipeline(tree_preprocessor(), lgb.LGBMRegressor(**cfg["lgbm"]))
        model.fit(X[tr], y[tr])
        oof[va] = model.predict(X[va])
        oof_base[va] = DummyRegressor(strategy="median").fit(X[tr], y[tr]).predict(X[va])
        test_pred += model.predict(X_test) / cfg["cv"]["n_splits"]
        print(f"fold {fold}: RMSE {rmse(y[va], oof[va]):.4f}")

    for name, pred in [("median baseline", oof_base), ("lightgbm", oof)]:
        print(f"{name:>16}: OOF RMSE(log) {rmse(y, pred):.4f}  MAE(log) {mean_absolute_error(y, pred):.4f}")

    out = cfg["paths"]["output"]
    pd.DataFrame({"Id": train["Id"], "oof": oof}).to_csv(f"{out}/oof_{cfg['experiment']}.csv", index=False)
    pd.DataFrame({"Id": test["Id"], "SalePrice": np.expm1(test_pred)}).to_csv(
        f"{out}/submission_{cfg['experiment']}.csv", index=False)


if __name__ == "__main__":
    run(load_config(sys.argv[1] if len(sys.argv) > 1 else "configs/lgbm_v3.yaml"))
