"""T-learner with LightGBM for the re-order reminder push; per-arm early stopping on a validation split."""
import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from uplift.metrics import qini_coefficient, uplift_at
from uplift.utils import load_config


def fit_arm(X, y, cfg, arm):
    X_fit, X_val, y_fit, y_val = train_test_split(X, y, test_size=cfg["split"]["valid_size"], stratify=y)
    booster = lgb.train(
        cfg["lgbm"],
        lgb.Dataset(X_fit, y_fit),
        num_boost_round=cfg["train"]["num_boost_round"],
        valid_sets=[lgb.Dataset(X_val, y_val)],
        callbacks=[lgb.early_stopping(cfg["train"]["early_stopping_rounds"], verbose=False)],
    )
    print(f"arm {arm}: best iteration {booster.best_iteration}, valid logloss {booster.best_score['valid_0']['binary_logloss']:.4f}")
    return booster


def main(config_path):
    cfg = load_config(config_path)
    d = cfg["data"]
    df = pd.read_parquet(d["path"])
    strata = df[d["treatment"]].astype(str) + "_" + df[d["outcome"]].astype(str)
    train, test = train_test_split(df, test_size=cfg["split"]["test_size"], stratify=strata)

    X_cols = d["features"]
    arms = {arm: fit_arm(g[X_cols], g[d["outcome"]], cfg, arm) for arm, g in train.groupby(d["treatment"])}

    y_te = test[d["outcome"]].to_numpy(float)
    t_te = test[d["treatment"]].to_numpy(int)
    p1 = arms[1].predict(test[X_cols], num_iteration=arms[1].best_iteration)
    p0 = arms[0].predict(test[X_cols], num_iteration=arms[0].best_iteration)

    scores = {
        "t_learner": p1 - p0,
        "response_only": p1,
        "random": np.random.random(len(test)),
    }
    rows = []
    for name, s in scores.items():
        row = {"model": name, "qini": qini_coefficient(y_te, t_te, s)}
        row.update({f"uplift@{int(f * 100)}%": uplift_at(y_te, t_te, s, f) for f in cfg["report"]["fractions"]})
        rows.append(row)
    print(pd.DataFrame(rows).round(4).to_string(index=False))
    print(f"test ATE: {y_te[t_te == 1].mean() - y_te[t_te == 0].mean():.4f}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="experiment.yaml")
    main(ap.parse_args().config)
