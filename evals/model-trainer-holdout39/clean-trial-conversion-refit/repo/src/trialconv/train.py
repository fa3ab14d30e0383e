"""Model selection on train/valid, then a final refit on train+valid for the frozen artifact.

The test split is not read here; evaluate.py scores the final artifact on it once.
"""
import json
from pathlib import Path

import joblib
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from .settings import feature_list, settings


def baseline(s: dict) -> Pipeline:
    cols = ColumnTransformer([
        ("num", StandardScaler(), s["num_features"]),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=25), s["cat_features"]),
    ])
    return Pipeline([("cols", cols), ("clf", LogisticRegression(C=0.5, max_iter=4000))])


def main() -> None:
    s = settings()
    feats, target = feature_list(), s["target"]
    splits = Path(s["splits"])
    train = pd.read_parquet(splits / "train.parquet")
    valid = pd.read_parquet(splits / "valid.parquet")

    probe = CatBoostClassifier(**s["catboost"], random_seed=s["seed"], eval_metric="AUC", verbose=250)
    probe.fit(Pool(train[feats], train[target], cat_features=s["cat_features"]),
              eval_set=Pool(valid[feats], valid[target], cat_features=s["cat_features"]),
              use_best_model=True)
    best_iters = probe.get_best_iteration() + 1
    p_valid = probe.predict_proba(valid[feats])[:, 1]
    b_valid = baseline(s).fit(train[feats], train[target]).predict_proba(valid[feats])[:, 1]

    # final artifacts: same settings, fixed iteration count, trained on all non-test rows
    dev = pd.concat([train, valid], ignore_index=True)
    final_params = {k: v for k, v in s["catboost"].items() if k not in ("od_type", "od_wait")}
    final_params["iterations"] = best_iters
    final = CatBoostClassifier(**final_params, random_seed=s["seed"], verbose=0)
    final.fit(Pool(dev[feats], dev[target], cat_features=s["cat_features"]))
    final_baseline = baseline(s).fit(dev[feats], dev[target])

    models = Path(s["models"])
    models.mkdir(parents=True, exist_ok=True)
    final.save_model(str(models / "catboost_final.cbm"))
    joblib.dump(final_baseline, models / "logreg_baseline.joblib")
    (models / "selection.json").write_text(json.dumps({
        "best_iterations": best_iters,
        "valid_auc": roc_auc_score(valid[target], p_valid),
        "valid_pr_auc": average_precision_score(valid[target], p_valid),
        "baseline_valid_auc": roc_auc_score(valid[target], b_valid),
    }, indent=2))
