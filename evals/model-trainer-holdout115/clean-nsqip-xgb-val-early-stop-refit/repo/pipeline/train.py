"""30-day mortality after general surgery (ACS NSQIP PUF). XGBoost handles the NaNs natively."""
import json
import sys

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from pipeline.features import PREOP, prepare


def main(cfg_file="params.yaml"):
    cfg = yaml.safe_load(open(cfg_file))
    d, s = cfg["data"], cfg["split"]
    np.random.seed(s["seed"])

    df = prepare(pd.read_parquet(d["file"]))
    dev = df[df["operyr"] < s["test_year"]]
    test = df[df["operyr"] == s["test_year"]]

    X_tr, X_va, y_tr, y_va = train_test_split(
        dev[PREOP], dev[d["outcome"]], test_size=s["val_frac"],
        stratify=dev[d["outcome"]], random_state=s["seed"],
    )

    params = dict(cfg["xgb"])
    model = xgb.XGBClassifier(**params, tree_method="hist", random_state=s["seed"])
    model.fit(X_tr, y_tr, eval_set=[(X_va, y_va)], verbose=500)
    n_best = model.best_iteration + 1
    print(f"best iteration {n_best}, val AUROC {roc_auc_score(y_va, model.predict_proba(X_va)[:, 1]):.4f}")

    if cfg["refit_on_train_plus_val"]:
        params.pop("early_stopping_rounds")
        params["n_estimators"] = int(n_best * 1.1)  # ~10% more data than during early stopping
        model = xgb.XGBClassifier(**params, tree_method="hist", random_state=s["seed"])
        model.fit(dev[PREOP], dev[d["outcome"]], verbose=False)

    p = model.predict_proba(test[PREOP])[:, 1]
    y = test[d["outcome"]].to_numpy()
    res = {"test_year": s["test_year"], "n_test": int(len(y)), "deaths": int(y.sum()),
           "auroc": float(roc_auc_score(y, p)), "brier": float(brier_score_loss(y, p)),
           "mean_pred": float(p.mean()), "obs_rate": float(y.mean())}
    print(json.dumps(res, indent=2))
    model.save_model("models/nsqip_mort30_xgb.json")


if __name__ == "__main__":
    main(*sys.argv[1:])
