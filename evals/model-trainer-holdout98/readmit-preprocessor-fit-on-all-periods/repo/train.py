"""Temporal validation of a 30-day readmission model (train <=2019, val 2020, test 2021)."""
import json

import numpy as np
import pandas as pd
import tomli
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from readmit_pipeline.preprocessing import CATEGORICAL, NUMERIC, fit_preprocessor


def load_settings(path="settings.toml"):
    with open(path, "rb") as fh:
        return tomli.load(fh)


def temporal_split(df, date_col, train_end, val_end):
    dates = pd.to_datetime(df[date_col])
    train = df[dates <= train_end]
    val = df[(dates > train_end) & (dates <= val_end)]
    test = df[dates > val_end]
    return train, val, test


def report(name, y, p):
    out = {"auroc": roc_auc_score(y, p), "auprc": average_precision_score(y, p),
           "brier": brier_score_loss(y, p)}
    print(f"{name:10s} " + " ".join(f"{k}={v:.4f}" for k, v in out.items()))
    return out


def main():
    cfg = load_settings()
    label = cfg["data"]["label"]
    xgb_cfg = dict(cfg["xgb"])
    seed = xgb_cfg.pop("seed")
    np.random.seed(seed)

    df = pd.read_parquet(cfg["data"]["path"])
    train, val, test = temporal_split(df, cfg["data"]["date_col"],
                                      cfg["split"]["train_end"], cfg["split"]["val_end"])
    print({k: (len(v), round(v[label].mean(), 4)) for k, v in
           {"train": train, "val": val, "test": test}.items()})

    prep = fit_preprocessor([train, val, test])
    cols = NUMERIC + CATEGORICAL
    A_train, A_val, A_test = (prep.transform(part[cols]) for part in (train, val, test))
    y_train, y_val, y_test = (part[label].to_numpy() for part in (train, val, test))

    baseline = LogisticRegression(max_iter=3000, C=0.5).fit(A_train, y_train)
    booster = xgb.XGBClassifier(random_state=seed, tree_method="hist", **xgb_cfg)
    booster.fit(A_train, y_train, eval_set=[(A_val, y_val)], verbose=250)

    results = {
        "logreg": report("logreg", y_test, baseline.predict_proba(A_test)[:, 1]),
        "xgboost": report("xgboost", y_test, booster.predict_proba(A_test)[:, 1]),
        "best_iteration": int(booster.best_iteration),
    }
    with open("temporal_eval.json", "w") as fh:
        json.dump(results, fh, indent=2)
    booster.save_model("readmit_xgb.json")


if __name__ == "__main__":
    main()
