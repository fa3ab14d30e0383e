"""Great crested newt (Triturus cristatus) pond occupancy model.

eDNA survey results 2017-2023 (Natural England district licensing ponds) joined to the
Habitat Suitability Index (HSI) field sheets. Output is used to prioritise ponds for the
2025 survey season, so we want a model that ranks ponds well.
"""
import argparse
from pathlib import Path

import joblib
import matplotlib.pyplot as plt
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.inspection import PartialDependenceDisplay
from sklearn.metrics import brier_score_loss, roc_auc_score

HSI_COLS = [
    "si1_location", "si2_pond_area_m2", "si3_permanence", "si4_water_quality", "si5_shade_pct",
    "si6_waterfowl", "si7_fish", "si8_pond_density_1km", "si9_terrestrial_habitat", "si10_macrophyte_pct",
]
EXTRA_COLS = ["dist_nearest_occupied_m", "road_density_500m", "arable_pct_500m", "elevation_m"]


def load(path):
    df = pd.read_csv(path, parse_dates=["survey_date"])
    # keep the most recent conclusive eDNA result per pond
    df = df[df["edna_result"].isin(["positive", "negative"])]
    df = df.sort_values("survey_date").groupby("pond_id").tail(1)
    df["occupied"] = (df["edna_result"] == "positive").astype(int)
    df["si7_fish"] = df["si7_fish"].map({"absent": 1.0, "possible": 0.67, "minor": 0.33, "major": 0.01})
    df["si3_permanence"] = df["si3_permanence"].map(
        {"never_dries": 0.9, "rarely_dries": 1.0, "sometimes_dries": 0.5, "dries_annually": 0.1})
    return df.dropna(subset=HSI_COLS + EXTRA_COLS)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/gcn_edna_hsi_2017_2023.csv")
    ap.add_argument("--out", default="models")
    args = ap.parse_args()

    ponds = load(args.data)
    X = ponds[HSI_COLS + EXTRA_COLS]
    y = ponds["occupied"]
    print(f"{len(ponds)} ponds, prevalence {y.mean():.2f}")

    rf = RandomForestClassifier(n_estimators=800, min_samples_leaf=3, max_features=0.4,
                                class_weight="balanced", n_jobs=-1)
    rf.fit(X, y)

    p = rf.predict_proba(X)[:, 1]
    print(f"AUC   = {roc_auc_score(y, p):.3f}")
    print(f"Brier = {brier_score_loss(y, p):.3f}")

    imp = pd.Series(rf.feature_importances_, index=X.columns).sort_values(ascending=False)
    print(imp.round(3).to_string())

    out = Path(args.out)
    out.mkdir(exist_ok=True)
    fig, ax = plt.subplots(figsize=(10, 6))
    PartialDependenceDisplay.from_estimator(rf, X, imp.index[:6].tolist(), ax=ax)
    fig.savefig(out / "gcn_partial_dependence.png", dpi=150, bbox_inches="tight")
    joblib.dump(rf, out / "gcn_rf.joblib")


if __name__ == "__main__":
    main()
