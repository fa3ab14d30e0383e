"""High-earner classifier on ACS PUMS 2022 (person file, five-state extract)."""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, log_loss, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from acs_income.data import load_workers
from acs_income.encoding import add_target_encodings


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--out", default="runs/high_earner")
    return ap.parse_args()


def pick_threshold(y, p, w):
    prec, rec, thr = precision_recall_curve(y, p, sample_weight=w)
    f1 = 2 * prec * rec / np.clip(prec + rec, 1e-9, None)
    return float(thr[np.argmax(f1[:-1])])


def main():
    args = parse_args()
    cfg = yaml.safe_load(open(args.config))
    seed = cfg["seed"]
    fcfg, wcol = cfg["features"], cfg["data"]["weight"]

    df = load_workers(cfg["data"]["pums_path"], cfg["data"]["target_wage"])
    df = add_target_encodings(
        df, fcfg["target_encode"], "high_earner", wcol, cfg["encoding"]["smoothing"]
    )
    feats = fcfg["numeric"] + fcfg["categorical"] + [f"{c}_te" for c in fcfg["target_encode"]]

    train_full, test = train_test_split(
        df, test_size=cfg["split"]["test_size"], stratify=df["high_earner"], random_state=seed
    )
    train, valid = train_test_split(
        train_full, test_size=cfg["split"]["valid_size"],
        stratify=train_full["high_earner"], random_state=seed,
    )

    params = dict(cfg["lgbm"])
    es_rounds = params.pop("early_stopping_rounds")
    model = lgb.LGBMClassifier(random_state=seed, verbose=-1, **params)
    model.fit(
        train[feats], train["high_earner"], sample_weight=train[wcol],
        eval_set=[(valid[feats], valid["high_earner"])], eval_sample_weight=[valid[wcol]],
        callbacks=[lgb.early_stopping(es_rounds), lgb.log_evaluation(200)],
    )

    base_cols = ["AGEP", "SCHL", "WKHP"]
    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    baseline.fit(train[base_cols], train["high_earner"], logisticregression__sample_weight=train[wcol])

    thr = pick_threshold(valid["high_earner"], model.predict_proba(valid[feats])[:, 1], valid[wcol])
    p_test = model.predict_proba(test[feats])[:, 1]
    p_base = baseline.predict_proba(test[base_cols])[:, 1]
    yt, wt = test["high_earner"], test[wcol]
    metrics = {
        "best_iteration": int(model.best_iteration_),
        "threshold": thr,
        "auc": roc_auc_score(yt, p_test, sample_weight=wt),
        "logloss": log_loss(yt, p_test, sample_weight=wt),
        "f1": f1_score(yt, p_test >= thr, sample_weight=wt),
        "auc_baseline": roc_auc_score(yt, p_base, sample_weight=wt),
        "logloss_baseline": log_loss(yt, p_base, sample_weight=wt),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "lgbm.txt"))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
