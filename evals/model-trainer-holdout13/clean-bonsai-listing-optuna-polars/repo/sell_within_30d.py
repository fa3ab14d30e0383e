#!/usr/bin/env python
"""Will a listed bonsai sell within 30 days? Nursery web-shop listings 2021-2024 (one row per tree).

python sell_within_30d.py --listings data/listings.parquet --trials 80
"""
import argparse
import logging

import numpy as np
import optuna
import polars as pl
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from xgboost import XGBClassifier

log = logging.getLogger("bonsai")
SEED = 88
FEATURES = ["age_years", "height_cm", "trunk_diam_mm", "price_gbp", "n_photos", "species_rank",
            "is_deciduous", "pot_handmade", "listing_month", "styled_by_master", "desc_words"]


def price_test_summary(listings: pl.DataFrame) -> pl.DataFrame:
    """Descriptive summary of the spring-2023 price A/B test (not used for modelling)."""
    test = listings.filter(pl.col("ab_arm").is_not_null())
    return test.group_by("ab_arm").agg(
        pl.len().alias("n"), pl.col("sold_30d").mean().alias("sell_rate"), pl.col("price_gbp").median()
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--listings", required=True)
    ap.add_argument("--trials", type=int, default=80)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    listings = pl.read_parquet(args.listings).with_columns(
        (pl.col("description").str.split(" ").list.len()).alias("desc_words"),
        pl.col("listed_at").dt.month().alias("listing_month"),
    )
    print(price_test_summary(listings))

    X = listings.select(FEATURES).to_numpy().astype(np.float32)
    y = listings["sold_30d"].to_numpy()
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)

    def objective(trial: optuna.Trial) -> float:
        clf = XGBClassifier(
            n_estimators=trial.suggest_int("n_estimators", 100, 800, step=50),
            max_depth=trial.suggest_int("max_depth", 2, 8),
            learning_rate=trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
            subsample=trial.suggest_float("subsample", 0.6, 1.0),
            colsample_bytree=trial.suggest_float("colsample_bytree", 0.5, 1.0),
            min_child_weight=trial.suggest_float("min_child_weight", 1, 20, log=True),
            random_state=SEED, n_jobs=4,
        )
        return cross_val_score(clf, X_tr, y_tr, cv=folds, scoring="average_precision").mean()

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=SEED))
    study.optimize(objective, n_trials=args.trials)
    log.info("best CV AP %.4f %s", study.best_value, study.best_params)

    model = XGBClassifier(**study.best_params, random_state=SEED, n_jobs=4).fit(X_tr, y_tr)
    p = model.predict_proba(X_te)[:, 1]
    prior = np.full(len(y_te), y_tr.mean())
    log.info("test  AP %.3f  ROC-AUC %.3f  logloss %.4f", average_precision_score(y_te, p),
             roc_auc_score(y_te, p), log_loss(y_te, p))
    log.info("prior AP %.3f  ROC-AUC 0.500  logloss %.4f", average_precision_score(y_te, prior), log_loss(y_te, prior))


if __name__ == "__main__":
    main()
