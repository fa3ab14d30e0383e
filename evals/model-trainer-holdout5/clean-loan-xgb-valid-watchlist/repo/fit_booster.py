import argparse
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, f1_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from loanrisk import Encoder, three_way_split

log = logging.getLogger("fit_booster")


def best_f1_threshold(y_true: np.ndarray, scores: np.ndarray) -> float:
    grid = np.linspace(0.02, 0.9, 89)
    f1s = [f1_score(y_true, scores >= t) for t in grid]
    return float(grid[int(np.argmax(f1s))])


def main(cfg: dict) -> None:
    seed, dc = cfg["seed"], cfg["data"]
    np.random.seed(seed)
    target = dc["target"]

    apps = pd.read_parquet(dc["path"])
    apps = apps[apps[target].notna()].astype({target: int})
    train_df, valid_df, test_df = three_way_split(apps, target, dc["test_frac"], dc["valid_frac"], seed)

    enc = Encoder(dc["categorical"], drop=dc["id_cols"] + [target]).fit(train_df)
    X_train, X_valid, X_test = (enc.transform(d) for d in (train_df, valid_df, test_df))
    y_train, y_valid, y_test = (d[target].to_numpy() for d in (train_df, valid_df, test_df))

    dtrain = xgb.DMatrix(X_train, label=y_train)
    dvalid = xgb.DMatrix(X_valid, label=y_valid)
    booster = xgb.train(
        dict(cfg["booster"], seed=seed),
        dtrain,
        num_boost_round=cfg["rounds"],
        evals=[(dtrain, "train"), (dvalid, "valid")],
        early_stopping_rounds=cfg["patience"],
        verbose_eval=200,
    )
    rounds = (0, booster.best_iteration + 1)
    threshold = best_f1_threshold(y_valid, booster.predict(dvalid, iteration_range=rounds))
    log.info("best_iteration=%d threshold=%.3f", booster.best_iteration, threshold)

    ref = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                        LogisticRegression(max_iter=2000, class_weight="balanced")).fit(X_train, y_train)
    ref_threshold = best_f1_threshold(y_valid, ref.predict_proba(X_valid)[:, 1])

    # ---- final, one-shot evaluation on the untouched test split ----
    dtest = xgb.DMatrix(X_test)
    p_xgb = booster.predict(dtest, iteration_range=rounds)
    p_ref = ref.predict_proba(X_test)[:, 1]
    metrics = {
        name: {
            "roc_auc": roc_auc_score(y_test, p),
            "pr_auc": average_precision_score(y_test, p),
            "brier": brier_score_loss(y_test, p),
            "f1_at_valid_threshold": f1_score(y_test, p >= t),
        }
        for name, p, t in (("xgb", p_xgb, threshold), ("logreg", p_ref, ref_threshold))
    }
    out = Path(cfg["out"])
    out.mkdir(parents=True, exist_ok=True)
    booster.save_model(out / "booster.json")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    log.info(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--params", default="params.yaml")
    main(yaml.safe_load(Path(ap.parse_args().params).read_text()))
