"""In-session purchase propensity for a mobile game.

Each user contributes many sessions, so every split is grouped by user_id (a user is either in
train, calibration or test, never in two of them). Probabilities are calibrated because the
output feeds an expected-revenue calculation.
"""
import argparse
import logging

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.calibration import CalibratedClassifierCV, calibration_curve
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.compose import make_column_transformer

SEED = 515
CAT_FEATURES = ["platform", "country", "acquisition_channel", "last_level_band"]
NUM_FEATURES = ["session_index", "minutes_played", "days_since_install", "coins_balance",
                "ads_watched", "prev_purchases", "hour_of_day"]
log = logging.getLogger("purchase")


def one_group_fold(X, y, groups, n_splits, seed):
    """Take one fold of a StratifiedGroupKFold as the held-out part."""
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    rest_idx, held_idx = next(sgkf.split(X, y, groups))
    return rest_idx, held_idx


def metrics(y, p):
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
            "brier": brier_score_loss(y, p), "log_loss": log_loss(y, p)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", default="data/sessions.parquet")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    np.random.seed(SEED)

    df = pd.read_parquet(args.sessions)
    X, y, users = df[CAT_FEATURES + NUM_FEATURES], df["purchased"].astype(int), df["user_id"]
    log.info("%d sessions, %d users, purchase rate %.4f", len(df), users.nunique(), y.mean())

    dev_idx, test_idx = one_group_fold(X, y, users, n_splits=5, seed=SEED)
    X_dev, y_dev, u_dev = X.iloc[dev_idx], y.iloc[dev_idx], users.iloc[dev_idx]
    X_test, y_test = X.iloc[test_idx], y.iloc[test_idx]
    assert not set(u_dev) & set(users.iloc[test_idx])

    fit_idx, cal_idx = one_group_fold(X_dev, y_dev, u_dev, n_splits=4, seed=SEED + 1)
    X_fit, y_fit = X_dev.iloc[fit_idx], y_dev.iloc[fit_idx]
    X_cal, y_cal = X_dev.iloc[cal_idx], y_dev.iloc[cal_idx]

    baseline = make_pipeline(
        make_column_transformer((OneHotEncoder(handle_unknown="ignore"), CAT_FEATURES),
                                (StandardScaler(), NUM_FEATURES)),
        LogisticRegression(max_iter=2000, random_state=SEED),
    ).fit(X_fit, y_fit)

    booster = CatBoostClassifier(iterations=1200, learning_rate=0.03, depth=6, l2_leaf_reg=5,
                                 cat_features=CAT_FEATURES, random_seed=SEED, verbose=200)
    booster.fit(X_fit, y_fit)

    calibrated = CalibratedClassifierCV(booster, method="isotonic", cv="prefit")
    calibrated.fit(X_cal, y_cal)

    rows = {
        "logreg_baseline": metrics(y_test, baseline.predict_proba(X_test)[:, 1]),
        "catboost_raw": metrics(y_test, booster.predict_proba(X_test)[:, 1]),
        "catboost_isotonic": metrics(y_test, calibrated.predict_proba(X_test)[:, 1]),
    }
    print(pd.DataFrame(rows).T.round(4).to_string())

    frac_pos, mean_pred = calibration_curve(y_test, calibrated.predict_proba(X_test)[:, 1],
                                            n_bins=10, strategy="quantile")
    print(pd.DataFrame({"mean_predicted": mean_pred, "observed_rate": frac_pos}).round(4).to_string())


if __name__ == "__main__":
    main()
