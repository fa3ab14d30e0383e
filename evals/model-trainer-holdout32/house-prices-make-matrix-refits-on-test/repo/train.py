"""House price regression -- group project (DS201).

python train.py --data data/listings_clean.parquet
"""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

from src.features import make_matrix
from src.config import CFG

NUM = CFG["num_cols"]
CAT = CFG["cat_cols"]


def report(y_true, y_pred, tag):
    out = {
        "mae": mean_absolute_error(y_true, y_pred),
        "rmse": mean_squared_error(y_true, y_pred) ** 0.5,
        "r2": r2_score(y_true, y_pred),
    }
    print(f"{tag:>14}: " + "  ".join(f"{k}={v:,.3f}" for k, v in out.items()))
    return out


def main(args):
    np.random.seed(CFG["seed"])
    df = pd.read_parquet(args.data)
    df = df[df["price"].between(20_000, 5_000_000)]           # drop junk listings
    df["log_price"] = np.log(df["price"])

    train_df, test_df = train_test_split(df, test_size=0.2, random_state=CFG["seed"])
    train_df, valid_df = train_test_split(train_df, test_size=0.2, random_state=CFG["seed"])

    Xtr, enc, sc = make_matrix(train_df, NUM, CAT, fit=True)
    Xva, _, _ = make_matrix(valid_df, NUM, CAT, encoder=enc, scaler=sc, fit=False)
    ytr, yva = train_df["log_price"].values, valid_df["log_price"].values

    models = {
        "median": DummyRegressor(strategy="median"),
        "ridge": RidgeCV(alphas=np.logspace(-3, 3, 13)),
        "rf": RandomForestRegressor(n_estimators=500, min_samples_leaf=2, n_jobs=-1, random_state=CFG["seed"]),
        "gbr": GradientBoostingRegressor(n_estimators=800, learning_rate=0.03, max_depth=4, subsample=0.8,
                                         random_state=CFG["seed"]),
    }
    val = {}
    for name, m in models.items():
        m.fit(Xtr, ytr)
        val[name] = report(yva, m.predict(Xva), f"valid/{name}")

    best_name = min((k for k in val if k != "median"), key=lambda k: val[k]["rmse"])
    best = models[best_name]
    print("picked", best_name)

    # final check on the untouched test set
    Xte, _, _ = make_matrix(test_df, NUM, CAT, encoder=enc, scaler=sc)
    test_metrics = report(test_df["log_price"].values, best.predict(Xte), f"test/{best_name}")
    base_metrics = report(test_df["log_price"].values, models["median"].predict(Xte), "test/median")

    with open(args.out, "w") as f:
        json.dump({"model": best_name, "valid": val, "test": test_metrics, "test_baseline": base_metrics}, f, indent=2)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/listings_clean.parquet")
    p.add_argument("--out", default="results/metrics.json")
    main(p.parse_args())
