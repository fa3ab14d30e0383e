"""Build the through-the-door application PD model: KGB model on accepts -> parcel rejects ->
refit on accepts + inferred rejects. Performance is measured on held-out accepts."""
import json

import numpy as np
import pandas as pd
import yaml
from sklearn.base import clone
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from reject_inference import band_summary, parcel


def gini(y, p):
    return 2 * roc_auc_score(y, p) - 1


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    feats, target, seed = cfg["features"], cfg["target"], cfg["seed"]

    accepts = pd.read_parquet(cfg["accepts_path"])
    rejects = pd.read_parquet(cfg["rejects_path"])
    print(f"accepts {len(accepts):,}  rejects {len(rejects):,}  accept bad rate {accepts[target].mean():.2%}")

    acc_train, acc_test = train_test_split(
        accepts, test_size=cfg["test_size"], stratify=accepts[target], random_state=seed
    )

    base = make_pipeline(
        SimpleImputer(strategy="median"),
        StandardScaler(),
        LogisticRegression(C=1.0, max_iter=2000, random_state=seed),
    )
    kgb = clone(base).fit(acc_train[feats], acc_train[target])

    pd_rej = kgb.predict_proba(rejects[feats])[:, 1]
    inferred = parcel(rejects, pd_rej, target, **cfg["parcelling"])
    print(band_summary(pd_rej, inferred[target].values).round(4).to_string())

    combined = pd.concat([acc_train.assign(is_inferred=0), inferred], ignore_index=True)
    ttd = clone(base).fit(combined[feats], combined[target])

    p_kgb = kgb.predict_proba(acc_test[feats])[:, 1]
    p_ttd = ttd.predict_proba(acc_test[feats])[:, 1]
    metrics = {
        "gini_kgb_holdout_accepts": gini(acc_test[target], p_kgb),
        "gini_ttd_holdout_accepts": gini(acc_test[target], p_ttd),
        "inferred_bad_rate_rejects": float(inferred[target].mean()),
        "mean_pd_ttd_on_rejects": float(ttd.predict_proba(rejects[feats])[:, 1].mean()),
    }
    print(json.dumps(metrics, indent=2))
    coefs = pd.DataFrame({
        "kgb": kgb[-1].coef_[0], "ttd": ttd[-1].coef_[0],
    }, index=feats)
    print(coefs.round(3).to_string())


if __name__ == "__main__":
    main()
