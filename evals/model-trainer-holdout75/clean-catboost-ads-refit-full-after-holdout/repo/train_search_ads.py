"""Marketplace search-ads pCTR (CatBoost).

Weeks 1-6 train, week 7 validation (early stopping), week 8 test. After the
held-out report is written, the production model is refit on all eight weeks
with the iteration count found on validation.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

ROOT = Path(__file__).resolve().parent
CAT = ["ad_id", "advertiser_id", "query_category", "listing_category", "device", "region"]
NUM = ["ad_rank", "bid_eur", "query_listing_similarity", "listing_price_eur", "listing_photos",
       "advertiser_ctr_prev_28d", "hour", "weekday"]


def read_weeks(path):
    df = pd.read_parquet(path)
    df["ts"] = pd.to_datetime(df["ts"])
    df["week"] = (df["ts"] - df["ts"].min()).dt.days // 7
    df["hour"], df["weekday"] = df["ts"].dt.hour, df["ts"].dt.weekday
    df[CAT] = df[CAT].astype(str)
    return df


def pool(df):
    return Pool(df[CAT + NUM], df["clicked"], cat_features=CAT)


def summarize(y, p):
    return {"auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p), "logloss": log_loss(y, p)}


def main():
    params = json.loads((ROOT / "params.json").read_text())
    df = read_weeks(ROOT / "data" / "search_ad_impressions_8w.parquet")
    train, valid, test = df[df["week"] <= 5], df[df["week"] == 6], df[df["week"] == 7]

    model = CatBoostClassifier(**params)
    model.fit(pool(train), eval_set=pool(valid), use_best_model=True)
    best_iter = model.get_best_iteration() + 1

    p_test = model.predict_proba(pool(test))[:, 1]
    rank_ctr = train.groupby("ad_rank")["clicked"].mean()
    p_rank = test["ad_rank"].map(rank_ctr).fillna(train["clicked"].mean()).to_numpy()
    report = {
        "best_iteration": best_iter,
        "catboost": summarize(test["clicked"], p_test),
        "baseline_rank_ctr": summarize(test["clicked"], p_rank),
        "baseline_advertiser_ctr_auc": roc_auc_score(test["clicked"], test["advertiser_ctr_prev_28d"]),
    }
    out = ROOT / "artifacts"
    out.mkdir(exist_ok=True)
    (out / "holdout_report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))

    n_weeks_train, n_weeks_all = 6, 8
    final_params = {**params, "iterations": int(np.ceil(best_iter * n_weeks_all / n_weeks_train))}
    final_params.pop("od_type")
    final_params.pop("od_wait")
    production = CatBoostClassifier(**final_params)
    production.fit(pool(df))
    production.save_model(str(out / "search_ads_ctr.cbm"))
    (out / "production_params.json").write_text(json.dumps(final_params, indent=2))


if __name__ == "__main__":
    main()
