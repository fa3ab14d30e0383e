"""Response-propensity model for the address-based household survey.

Predicts whether a sampled address completes the household screener, using frame and
paradata available before fieldwork. Scores feed the adaptive-design contact protocol and
the weighting-class construction for nonresponse adjustment.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 2718
CAT = ["address_type", "region", "urbanicity", "mail_language", "stratum", "delivery_point_type"]
NUM = ["tract_pct_renter", "tract_pct_age65", "tract_pct_bachelors", "tract_median_income_k",
       "tract_prior_resp_rate", "tract_pct_limited_english", "units_at_address", "n_mailings_planned"]
PARAMS = dict(depth=6, learning_rate=0.05, l2_leaf_reg=4.0, loss_function="Logloss", random_seed=SEED)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", default="data/abs_sample_cycle12_outcomes.parquet")
    ap.add_argument("--out", default="models/propensity_cycle12")
    args = ap.parse_args()

    df = pd.read_parquet(args.sample)
    df = df[df["eligibility"] != "vacant_or_nonresidential"]
    df[CAT] = df[CAT].fillna("unknown").astype(str)
    X, y = df[CAT + NUM], df["screener_complete"].astype(int)
    print(f"sampled addresses={len(df)} response rate={y.mean():.3f}")

    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_tr, X_val, y_tr, y_val = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=SEED)

    cb = CatBoostClassifier(iterations=3000, od_type="Iter", od_wait=150, verbose=300, **PARAMS)
    cb.fit(Pool(X_tr, y_tr, cat_features=CAT), eval_set=Pool(X_val, y_val, cat_features=CAT), use_best_model=True)
    best_iter = cb.get_best_iteration() + 1

    logit = make_pipeline(
        ColumnTransformer([("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), CAT),
                           ("num", StandardScaler(), NUM)]),
        LogisticRegression(C=0.5, max_iter=3000),
    ).fit(X_dev, y_dev)

    p_cb = cb.predict_proba(X_test)[:, 1]
    p_lr = logit.predict_proba(X_test)[:, 1]
    holdout = {
        name: {"auc": roc_auc_score(y_test, p), "logloss": log_loss(y_test, p), "brier": brier_score_loss(y_test, p)}
        for name, p in [("catboost", p_cb), ("logit", p_lr)]
    }
    holdout["catboost_best_iteration"] = best_iter
    print(json.dumps(holdout, indent=2))

    # Production model: same settings, fixed iteration count, all sampled addresses.
    final = CatBoostClassifier(iterations=best_iter, verbose=0, **PARAMS)
    final.fit(Pool(X, y, cat_features=CAT))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    final.save_model(str(out / "catboost.cbm"))
    (out / "holdout_metrics.json").write_text(json.dumps(holdout, indent=2))
    deciles = pd.qcut(final.predict_proba(X)[:, 1], 10, labels=False)
    print(pd.Series(y.to_numpy()).groupby(deciles).mean().round(3).to_string())


if __name__ == "__main__":
    main()
