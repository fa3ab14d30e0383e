"""
Electricity theft detection on SGCC-style daily smart-meter data.

Each row is one customer (CONS_NO), the remaining columns are daily kWh
readings; FLAG = 1 for customers confirmed as stealing during field inspection.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

SEED = 42


def load_readings(path):
    df = pd.read_csv(path)
    df = df.drop_duplicates(subset="CONS_NO").set_index("CONS_NO")
    y = df.pop("FLAG").astype(int)
    # columns are dates like 2014/1/1, not guaranteed to be in order in the export
    df.columns = pd.to_datetime(df.columns, format="%Y/%m/%d")
    df = df.sort_index(axis=1)
    return df, y


def clean_readings(df):
    # comms failures leave gaps; fill short gaps along each meter's own timeline
    df = df.interpolate(axis=1, limit=3, limit_direction="both").fillna(0.0)
    # clip spikes above the customer's own mean + 3 std (meter reset glitches)
    upper = df.mean(axis=1) + 3 * df.std(axis=1)
    return df.clip(upper=upper, axis=0)


def build_features(df):
    weekly = df.T.resample("W").sum().T
    weekly.columns = [f"wk_{i:03d}" for i in range(weekly.shape[1])]
    monthly = df.T.resample("M").mean().T

    feats = pd.DataFrame(index=df.index)
    feats["daily_mean"] = df.mean(axis=1)
    feats["daily_std"] = df.std(axis=1)
    feats["daily_max"] = df.max(axis=1)
    feats["zero_day_ratio"] = (df == 0).mean(axis=1)
    feats["cv"] = feats["daily_std"] / (feats["daily_mean"] + 1e-6)
    first_q = monthly.iloc[:, :3].mean(axis=1)
    last_q = monthly.iloc[:, -3:].mean(axis=1)
    feats["drop_ratio"] = last_q / (first_q + 1e-6)
    t = np.arange(monthly.shape[1])
    feats["monthly_slope"] = np.polyfit(t, monthly.T.values, deg=1)[0]
    return pd.concat([feats, weekly], axis=1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/sgcc_daily.csv")
    parser.add_argument("--out", default="artifacts")
    args = parser.parse_args()

    readings, y = load_readings(args.data)
    readings = clean_readings(readings)
    X = build_features(readings)
    print(f"{len(X)} customers, theft rate {y.mean():.3f}, {X.shape[1]} features")

    # ~8.5% positives, the booster struggles with that imbalance
    smote = SMOTE(sampling_strategy=0.5, k_neighbors=5, random_state=SEED)
    X_bal, y_bal = smote.fit_resample(X, y)

    X_train, X_test, y_train, y_test = train_test_split(
        X_bal, y_bal, test_size=0.2, stratify=y_bal, random_state=SEED
    )

    model = XGBClassifier(
        n_estimators=600,
        max_depth=6,
        learning_rate=0.05,
        subsample=0.8,
        colsample_bytree=0.6,
        eval_metric="auc",
        random_state=SEED,
        n_jobs=-1,
    )
    model.fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    metrics = {
        "roc_auc": roc_auc_score(y_test, proba),
        "avg_precision": average_precision_score(y_test, proba),
    }
    print(json.dumps(metrics, indent=2))
    print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(out / "theft_xgb.json")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
