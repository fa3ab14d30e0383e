"""Train a LightGBM missense pathogenicity model on ClinVar (2+ star, P/LP vs B/LB)."""
import json
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import tomli
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from vep_ml.features import build_feature_table


def load_cfg(path):
    with open(path, "rb") as fh:
        return tomli.load(fh)


def metrics(y, p):
    return {"roc_auc": round(roc_auc_score(y, p), 4),
            "pr_auc": round(average_precision_score(y, p), 4),
            "brier": round(brier_score_loss(y, p), 4)}


def main(cfg_path="config.toml"):
    cfg = load_cfg(cfg_path)
    seed = cfg["seed"]
    df = pd.read_parquet(cfg["variants"])
    df = df[df["review_stars"] >= 2].drop_duplicates("variant_id").reset_index(drop=True)
    y = df[cfg["label"]].astype(int).to_numpy()

    X = build_feature_table(df, cfg)
    print(f"{len(X)} variants in {df['gene_symbol'].nunique()} genes, {X.shape[1]} features")

    X_trval, X_test, y_trval, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_trval, y_trval, test_size=cfg["val_size"] / (1 - cfg["test_size"]),
        stratify=y_trval, random_state=seed)

    params = dict(cfg["lgbm"])
    es_rounds = params.pop("early_stopping_rounds")
    model = lgb.LGBMClassifier(**params, random_state=seed, verbose=-1)
    model.fit(X_train, y_train, eval_set=[(X_val, y_val)], eval_metric="auc",
              callbacks=[lgb.early_stopping(es_rounds, verbose=False)])
    p_test = model.predict_proba(X_test)[:, 1]

    # baselines: REVEL alone, and a logistic model on the precomputed predictor scores
    score_cols = cfg["features"]["scores"]
    lr = LogisticRegression(max_iter=2000).fit(X_train[score_cols].fillna(X_train[score_cols].median()), y_train)
    p_lr = lr.predict_proba(X_test[score_cols].fillna(X_train[score_cols].median()))[:, 1]
    revel = X_test["revel"].fillna(X_train["revel"].median())

    report = {"lightgbm": metrics(y_test, p_test),
              "logreg_scores": metrics(y_test, p_lr),
              "revel_only": {k: v for k, v in metrics(y_test, revel).items() if k != "brier"}}
    for k, v in report.items():
        print(f"{k:>14}: {v}")

    gain = pd.Series(model.booster_.feature_importance("gain"), index=X.columns)
    print(gain.sort_values(ascending=False).head(10))

    out = Path(cfg["output"]["dir"])
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "model.txt"))
    (out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
