"""Interpretable withdrawal-risk model (elastic-net logistic regression) on week-4 VLE activity.

Input is the per-registration feature export produced by the data team (one row per
student x module presentation), already restricted to students still registered at day 28.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ACTIVITY_TYPES = ["resource", "oucontent", "forumng", "quiz", "subpage", "url", "homepage"]


def engineer(df):
    out = df.copy()
    # heavy-tailed click counts
    for a in ACTIVITY_TYPES:
        out[f"log_{a}"] = np.log1p(out[f"clicks_{a}"])
    total = out[[f"clicks_{a}" for a in ACTIVITY_TYPES]].sum(axis=1)
    out["log_total"] = np.log1p(total)
    out["forum_share"] = out["clicks_forumng"] / total.replace(0, np.nan)
    out["quiz_share"] = out["clicks_quiz"] / total.replace(0, np.nan)
    out[["forum_share", "quiz_share"]] = out[["forum_share", "quiz_share"]].fillna(0.0)
    out["active_days"] = out["active_days"].clip(upper=28)
    out["registered_early"] = (out["date_registration"] <= -14).astype(int)
    out["credits_over_60"] = (out["studied_credits"] > 60).astype(int)
    out["prev_attempt"] = (out["num_of_prev_attempts"] > 0).astype(int)
    out["no_tma_yet"] = out["tma1_score"].isna().astype(int)
    out["tma1_score"] = out["tma1_score"].fillna(0) / 100.0
    return out.drop(columns=[f"clicks_{a}" for a in ACTIVITY_TYPES] + ["id_student", "date_registration"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/processed/registrations_day28.csv")
    ap.add_argument("--seed", type=int, default=41)
    args = ap.parse_args()

    raw = pd.read_csv(args.data)
    df = engineer(raw)
    y = (df.pop("final_result") == "Withdrawn").astype(int)
    X = pd.get_dummies(df, columns=["code_module"], dtype=float)
    print(X.shape, f"withdrawal rate {y.mean():.3f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=args.seed)

    model = make_pipeline(
        StandardScaler(),
        LogisticRegression(penalty="elasticnet", solver="saga", l1_ratio=0.5, C=0.3,
                           max_iter=5000, random_state=args.seed),
    )
    model.fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    print(f"test AUC   {roc_auc_score(y_test, proba):.3f}")
    print(f"test Brier {brier_score_loss(y_test, proba):.4f} (base rate {y_test.mean():.3f})")

    coefs = pd.Series(model[-1].coef_.ravel(), index=X.columns)
    print(coefs[coefs != 0].sort_values().round(3).to_string())


if __name__ == "__main__":
    main()
