"""Short-range rain nowcast from automatic weather station (AWS) 10-minute records.

Predicts whether more than 0.2 mm of rain is recorded at the station within the
next 60 minutes, using the station's own recent history only.
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

LAGS = [1, 2, 3, 6, 12]   # in 10-minute steps
HORIZON = 6               # 60 minutes ahead
RAIN_EVENT_MM = 0.2
MET_VARS = ["temp_c", "rh_pct", "pressure_hpa", "wind_ms", "solar_wm2"]


def load_station(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["timestamp"])
    df = df.sort_values("timestamp").drop_duplicates("timestamp").set_index("timestamp")
    df = df.asfreq("10min")
    df["rain_mm"] = df["rain_mm"].fillna(0.0)
    df[MET_VARS] = df[MET_VARS].interpolate(limit=3)
    return df


def dewpoint(temp_c, rh_pct):
    a, b = 17.62, 243.12
    gamma = np.log(rh_pct.clip(1, 100) / 100.0) + a * temp_c / (b + temp_c)
    return b * gamma / (a - gamma)


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    feats = pd.DataFrame(index=df.index)
    feats["rain_now"] = df["rain_mm"]
    feats["rain_last_hour"] = df["rain_mm"].rolling(6).sum()
    for lag in LAGS:
        feats[f"rain_lag{lag}"] = df["rain_mm"].shift(lag)
        feats[f"rh_lag{lag}"] = df["rh_pct"].shift(lag)
    for var in MET_VARS:
        feats[var] = df[var]
    feats["dewpoint_dep"] = df["temp_c"] - dewpoint(df["temp_c"], df["rh_pct"])
    feats["pressure_tend_3h"] = df["pressure_hpa"] - df["pressure_hpa"].shift(18)
    feats["temp_tend_1h"] = df["temp_c"] - df["temp_c"].shift(6)
    minutes = df.index.hour * 60 + df.index.minute
    feats["tod_sin"] = np.sin(2 * np.pi * minutes / 1440)
    feats["tod_cos"] = np.cos(2 * np.pi * minutes / 1440)
    return feats


def build_target(df: pd.DataFrame) -> pd.Series:
    future_rain = df["rain_mm"].rolling(HORIZON).sum().shift(-HORIZON)
    return (future_rain > RAIN_EVENT_MM).astype(float).where(future_rain.notna())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--station-file", type=Path, required=True)
    parser.add_argument("--out-dir", type=Path, default=Path("artifacts"))
    args = parser.parse_args()

    raw = load_station(args.station_file)
    X = build_features(raw)
    y = build_target(raw)
    data = X.assign(target=y).dropna()
    X, y = data.drop(columns="target"), data["target"].astype(int)
    print(f"{len(data)} samples, event rate {y.mean():.3f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=17
    )

    model = HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=600,
        max_leaf_nodes=31,
        l2_regularization=1.0,
        early_stopping=True,
        validation_fraction=0.1,
        random_state=17,
    )
    model.fit(X_train, y_train)
    prob = model.predict_proba(X_test)[:, 1]

    # persistence: rain in the last hour -> rain in the next hour
    persistence = (X_test["rain_last_hour"] > RAIN_EVENT_MM).astype(float)
    climatology = np.full(len(y_test), y_train.mean())

    scores = {
        "model": {
            "roc_auc": roc_auc_score(y_test, prob),
            "avg_precision": average_precision_score(y_test, prob),
            "brier": brier_score_loss(y_test, prob),
        },
        "persistence": {"brier": brier_score_loss(y_test, persistence)},
        "climatology": {"brier": brier_score_loss(y_test, climatology)},
    }
    scores["model"]["bss_vs_climatology"] = 1 - scores["model"]["brier"] / scores["climatology"]["brier"]
    print(json.dumps(scores, indent=2))

    args.out_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, args.out_dir / "aws_rain_nowcast.joblib")
    (args.out_dir / "scores.json").write_text(json.dumps(scores, indent=2))


if __name__ == "__main__":
    main()
