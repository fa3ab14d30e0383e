"""Missense variant pathogenicity classifier (ClinVar P/LP vs B/LB, 2-star and above).

Features are precomputed per variant by the annotation workflow (VEP + dbNSFP + structure).
"""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, matthews_corrcoef, roc_auc_score
from sklearn.model_selection import train_test_split


def load_config(path):
    with open(path) as fh:
        return json.load(fh)


def load_variants(cfg):
    df = pd.read_parquet(cfg["data"])
    df = df.drop_duplicates(subset=["chrom", "pos", "ref", "alt"])
    # gnomAD AF is missing for variants never observed; treat as absent
    for col in ("gnomad_af", "gnomad_af_popmax"):
        df[col] = df[col].fillna(0.0)
        df[f"log_{col}"] = np.log10(df[col] + 1e-6)
    feats = [f for f in cfg["features"] if not f.startswith("gnomad_af")]
    feats += ["log_gnomad_af", "log_gnomad_af_popmax"]
    return df, feats


def evaluate(y_true, scores, threshold):
    return {
        "roc_auc": roc_auc_score(y_true, scores),
        "pr_auc": average_precision_score(y_true, scores),
        "mcc": matthews_corrcoef(y_true, (scores >= threshold).astype(int)),
    }


def main(config_path="config.json"):
    cfg = load_config(config_path)
    df, feats = load_variants(cfg)
    y = df[cfg["label"]].astype(int).to_numpy()
    X = df[feats]
    print(f"{len(df)} variants, {y.mean():.1%} pathogenic, {len(feats)} features")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    params = dict(cfg["xgb"])
    model = xgb.XGBClassifier(
        **params,
        objective="binary:logistic",
        eval_metric="aucpr",
        tree_method="hist",
        random_state=cfg["seed"],
        n_jobs=8,
    )
    model.fit(
        X_train, y_train,
        eval_set=[(X_test, y_test)],
        verbose=200,
    )
    print(f"best iteration: {model.best_iteration}")

    p_test = model.predict_proba(X_test)[:, 1]
    prevalence_threshold = float(y_train.mean())
    results = {"xgb": evaluate(y_test, p_test, prevalence_threshold)}

    # single-score baselines commonly used by the clinical team
    for score_col in ("alphamissense_score", "esm1b_llr"):
        s = X_test[score_col].to_numpy()
        if score_col == "esm1b_llr":
            s = -s  # more negative LLR = more damaging
        results[score_col] = {
            "roc_auc": roc_auc_score(y_test, s),
            "pr_auc": average_precision_score(y_test, s),
        }

    for name, res in results.items():
        print(name, {k: round(v, 4) for k, v in res.items()})

    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(out / "model.json")
    with open(out / "metrics.json", "w") as fh:
        json.dump({"features": feats, "results": results,
                   "best_iteration": int(model.best_iteration)}, fh, indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])
