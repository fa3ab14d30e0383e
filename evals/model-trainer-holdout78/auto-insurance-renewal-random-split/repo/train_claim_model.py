"""Claim-propensity model for personal auto renewals.

Each row is one policy-year. The model is refreshed every January and scores the coming year's
renewals; the rating-factor review board also asks for the gender / age-band audit below because
gender is not a permitted rating factor in most of our states.
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 1234
FEATURES = [
    "driver_age", "years_licensed", "vehicle_age", "vehicle_value", "annual_mileage",
    "territory_code", "credit_tier", "prior_claims_1y", "prior_claims_3y", "tenure_years",
    "multi_policy", "premium_change_pct",
]
CATEGORICAL = ["territory_code", "credit_tier"]
AUDIT_COLS = ["gender", "age_band"]


def build_history_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["policy_id", "policy_year"]).copy()
    grp = df.groupby("policy_id")["claim_count"]
    df["prior_claims_1y"] = grp.shift(1).fillna(0)
    df["prior_claims_3y"] = grp.transform(lambda s: s.shift(1).rolling(3, min_periods=1).sum()).fillna(0)
    df["tenure_years"] = df.groupby("policy_id").cumcount()
    prev_prem = df.groupby("policy_id")["written_premium"].shift(1)
    df["premium_change_pct"] = (df["written_premium"] / prev_prem - 1).fillna(0)
    df["age_band"] = pd.cut(df["driver_age"], [15, 24, 34, 49, 64, 120]).astype(str)
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


def group_audit(frame: pd.DataFrame, scores: np.ndarray, col: str) -> pd.DataFrame:
    frame = frame.assign(score=scores)
    out = frame.groupby(col).agg(
        n=("has_claim", "size"),
        observed_rate=("has_claim", "mean"),
        mean_score=("score", "mean"),
    )
    out["calibration_ratio"] = out["mean_score"] / out["observed_rate"]
    out["top_decile_share"] = frame.groupby(col)["score"].apply(
        lambda s: (s >= np.quantile(scores, 0.9)).mean()
    )
    return out.reset_index()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/auto_policy_years_2015_2023.parquet")
    parser.add_argument("--out", default="artifacts/claim_model")
    args = parser.parse_args()

    raw = pd.read_parquet(args.data)
    raw["has_claim"] = (raw["claim_count"] > 0).astype(int)
    df = build_history_features(raw)

    train_df, test_df = train_test_split(
        df, test_size=0.2, stratify=df["has_claim"], random_state=SEED
    )
    fit_df, val_df = train_test_split(
        train_df, test_size=0.15, stratify=train_df["has_claim"], random_state=SEED
    )

    model = lgb.LGBMClassifier(
        n_estimators=3000, learning_rate=0.03, num_leaves=63, min_child_samples=200,
        subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1,
    )
    model.fit(
        fit_df[FEATURES], fit_df["has_claim"],
        eval_set=[(val_df[FEATURES], val_df["has_claim"])],
        eval_metric="auc",
        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
    )

    numeric = [c for c in FEATURES if c not in CATEGORICAL]
    glm = LogisticRegression(max_iter=2000).fit(fit_df[numeric], fit_df["has_claim"])

    y_test = test_df["has_claim"].to_numpy()
    p_gbm = model.predict_proba(test_df[FEATURES])[:, 1]
    p_glm = glm.predict_proba(test_df[numeric])[:, 1]
    report = {
        "gbm": {"auc": roc_auc_score(y_test, p_gbm), "ap": average_precision_score(y_test, p_gbm),
                "logloss": log_loss(y_test, p_gbm)},
        "glm_baseline": {"auc": roc_auc_score(y_test, p_glm), "ap": average_precision_score(y_test, p_glm),
                         "logloss": log_loss(y_test, p_glm)},
        "best_iteration": int(model.best_iteration_),
    }
    print(json.dumps(report, indent=2))

    for col in AUDIT_COLS:
        print(group_audit(test_df, p_gbm, col).to_string(index=False))

    model.booster_.save_model(f"{args.out}/lgbm_claim.txt")


if __name__ == "__main__":
    main()
