"""Classify municipalities as cutaneous leishmaniasis hotspots from environmental covariates.

Hotspot: cumulative 2015-2022 incidence above 100 per 100k (national programme definition).
About 6% of municipalities meet it.
"""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

RANDOM_STATE = 8
HOTSPOT_RATE_PER_100K = 100.0
FEATURES = [
    "forest_cover_pct",
    "forest_loss_pct_2010_2020",
    "dist_forest_edge_km",
    "altitude_m",
    "min_temp_c",
    "annual_precip_mm",
    "relative_humidity_pct",
    "pct_rural",
    "pct_agri_workers",
    "dog_density_per_km2",
    "ndvi_mean",
]


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, dtype={"muni_code": str})
    df = df[df["mean_population"] > 0].copy()
    rate = df["cases_2015_2022"] / df["mean_population"] * 1e5
    df["hotspot"] = (rate > HOTSPOT_RATE_PER_100K).astype(int)
    df["dist_forest_edge_km"] = df["dist_forest_edge_m"] / 1000.0
    return df.dropna(subset=FEATURES)


def main():
    df = load("data/cl_municipalities.csv")
    print(f"{len(df)} municipalities, {df['hotspot'].sum()} hotspots ({df['hotspot'].mean():.1%})")

    X = df[FEATURES]
    y = df["hotspot"]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=RANDOM_STATE
    )

    baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    rf = RandomForestClassifier(
        n_estimators=800,
        min_samples_leaf=3,
        max_features="sqrt",
        class_weight="balanced_subsample",
        n_jobs=-1,
        random_state=RANDOM_STATE,
    )
    rf.fit(X_train, y_train)

    results = {
        "baseline_accuracy": accuracy_score(y_test, baseline.predict(X_test)),
        "rf_accuracy": accuracy_score(y_test, rf.predict(X_test)),
    }
    for k, v in results.items():
        print(f"{k}: {v:.3f}")

    importances = pd.Series(rf.feature_importances_, index=FEATURES).sort_values(ascending=False)
    print(importances.round(3).to_string())

    out = Path("models")
    out.mkdir(exist_ok=True)
    joblib.dump(rf, out / "cl_hotspot_rf.joblib")
    (out / "cl_hotspot_metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
