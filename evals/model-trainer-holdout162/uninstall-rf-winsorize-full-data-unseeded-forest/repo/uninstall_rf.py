"""Random forest baseline for uninstall-within-7-days (one row per user, features from week 1)."""
import argparse

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

NUMERIC = [
    "sessions_w1", "active_days_w1", "total_minutes_w1", "events_w1", "push_received_w1",
    "push_opened_w1", "notifications_muted", "crashes_w1", "friends_added_w1", "content_views_w1",
    "days_since_install",
]
LABEL = "uninstalled_next_7d"
SEED = 42


def clip_outliers(df: pd.DataFrame, cols, lower=0.01, upper=0.99) -> pd.DataFrame:
    """Winsorize heavy-tailed usage counters (bots / test devices blow up the max)."""
    out = df.copy()
    lo = out[cols].quantile(lower)
    hi = out[cols].quantile(upper)
    out[cols] = out[cols].clip(lower=lo, upper=hi, axis=1)
    return out


def add_ratios(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["push_ctr_w1"] = df["push_opened_w1"] / df["push_received_w1"].clip(lower=1)
    df["minutes_per_session"] = df["total_minutes_w1"] / df["sessions_w1"].clip(lower=1)
    df["events_per_session"] = df["events_w1"] / df["sessions_w1"].clip(lower=1)
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/week1_user_features.csv")
    ap.add_argument("--trees", type=int, default=500)
    args = ap.parse_args()

    df = pd.read_csv(args.data)
    df = df.dropna(subset=[LABEL])
    df[NUMERIC] = df[NUMERIC].fillna(0)
    df = clip_outliers(df, NUMERIC)
    df = add_ratios(df)
    feats = NUMERIC + ["push_ctr_w1", "minutes_per_session", "events_per_session"]

    X_train, X_test, y_train, y_test = train_test_split(
        df[feats], df[LABEL], test_size=0.25, stratify=df[LABEL], random_state=SEED
    )

    rf = RandomForestClassifier(
        n_estimators=args.trees,
        max_depth=14,
        min_samples_leaf=25,
        max_features="sqrt",
        class_weight="balanced_subsample",
        n_jobs=-1,
    )
    rf.fit(X_train, y_train)

    proba = rf.predict_proba(X_test)[:, 1]
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.4f}")
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

    imp = pd.Series(rf.feature_importances_, index=feats).sort_values(ascending=False)
    print(imp.round(4).to_string())
    np.save("rf_importances.npy", imp.to_numpy())


if __name__ == "__main__":
    main()
