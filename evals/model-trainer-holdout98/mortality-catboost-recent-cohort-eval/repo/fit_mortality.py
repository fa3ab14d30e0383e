"""Ward in-hospital mortality model (prediction at 24h after admission).

Fits on the full 2015-2022 extract and reports performance on the most recent
admissions, which is the population the score will run on after go-live.
"""
import json

import numpy as np
import pandas as pd
import yaml
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

CATEGORICAL = ["sex", "admit_source", "admitting_service", "ethnicity", "frailty_band"]
NUMERIC = [
    "age", "news2_max_24h", "hr_max_24h", "rr_max_24h", "sbp_min_24h", "spo2_min_24h",
    "temp_max_24h", "gcs_min_24h", "crp_max_24h", "wbc_max_24h", "urea_max_24h",
    "creatinine_max_24h", "albumin_min_24h", "n_prior_admissions_1y", "charlson",
]


def news2_baseline(df):
    """Scaled NEWS2 as a reference risk score (already a column in the extract)."""
    return df["news2_max_24h"].to_numpy() / 20.0


def main():
    params = yaml.safe_load(open("params.yaml"))
    np.random.seed(params["seed"])

    df = pd.read_parquet(params["data"])
    df["admit_time"] = pd.to_datetime(df["admit_time"])
    for col in CATEGORICAL:
        df[col] = df[col].fillna("missing").astype(str)
    X, y = df[NUMERIC + CATEGORICAL], df[params["label"]].to_numpy()
    print(f"{len(df)} admissions, mortality {y.mean():.3%}")

    model = CatBoostClassifier(random_seed=params["seed"], verbose=200, **params["catboost"])
    model.fit(X, y, cat_features=CATEGORICAL)

    recent = (df["admit_time"] >= params["recent_from"]).to_numpy()
    p_model = model.predict_proba(X[recent])[:, 1]
    p_news = news2_baseline(df[recent])
    metrics = {}
    for name, p in [("news2", p_news), ("catboost", p_model)]:
        metrics[name] = {
            "auroc": roc_auc_score(y[recent], p),
            "auprc": average_precision_score(y[recent], p),
            "brier": brier_score_loss(y[recent], p),
        }
        print(name, {k: round(v, 4) for k, v in metrics[name].items()})

    with open("metrics_recent.json", "w") as fh:
        json.dump(metrics, fh, indent=2)
    model.save_model("ward_mortality.cbm")


if __name__ == "__main__":
    main()
