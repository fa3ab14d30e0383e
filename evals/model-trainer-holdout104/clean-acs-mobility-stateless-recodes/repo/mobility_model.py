"""Residential mobility: did the householder move in the past 12 months? (ACS PUMS 2022)

One row per household (reference person only), so the split is over households.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

SEED = 61
PUMS = Path("data/pums_2022_persons_housing_joined.parquet")
OUT = Path("runs/mobility_xgb")

SCHL_LEVEL = {**{k: 0 for k in range(1, 16)}, 16: 1, 17: 1, 18: 2, 19: 2, 20: 3, 21: 4, 22: 5, 23: 5, 24: 5}
AGE_EDGES = [15, 24, 34, 44, 54, 64, 74, 120]
TENURE = {1: "owned_mortgage", 2: "owned_free", 3: "rented", 4: "occupied_no_rent"}


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    out["age_band"] = pd.cut(df["AGEP"], bins=AGE_EDGES, labels=False)
    out["educ_level"] = df["SCHL"].map(SCHL_LEVEL).fillna(0)
    out["log_hh_income"] = np.log1p(df["HINCP"].clip(lower=0))
    out["income_to_poverty"] = df["POVPIP"].clip(upper=501) / 100
    out["rent_share"] = (df["GRPIP"].fillna(0).clip(upper=101)) / 100
    out["persons"] = df["NP"]
    out["children"] = df["NOC"].fillna(0)
    out["married"] = (df["MAR"] == 1).astype(int)
    out["employed"] = df["ESR"].isin([1, 2, 4, 5]).astype(int)
    out["veteran"] = (df["MIL"].isin([2, 3])).astype(int)
    out["renter"] = (df["TEN"].map(TENURE) == "rented").astype(int)
    out["building_units"] = df["BLD"].fillna(0)
    out["year_built"] = df["YRBLT"].fillna(0)
    out["rooms_per_person"] = df["RMSP"] / df["NP"].clip(lower=1)
    out["state"] = df["ST"].astype(int)
    return out


def main() -> None:
    raw = pd.read_parquet(PUMS)
    hh = raw[(raw["RELSHIPP"] == 20) & (raw["TYPEHUGQ"] == 1) & (raw["AGEP"] >= 18)].copy()
    X = build_features(hh)
    y = (hh["MIG"] != 1).astype(int)
    w = hh["WGTP"].astype(float)
    print(f"households={len(hh)} weighted mover rate={np.average(y, weights=w):.3f}")

    X_dev, X_test, y_dev, y_test, w_dev, w_test = train_test_split(
        X, y, w, test_size=0.2, stratify=y, random_state=SEED)
    X_tr, X_val, y_tr, y_val, w_tr, w_val = train_test_split(
        X_dev, y_dev, w_dev, test_size=0.15, stratify=y_dev, random_state=SEED)

    model = XGBClassifier(
        n_estimators=3000, learning_rate=0.03, max_depth=5, min_child_weight=10,
        subsample=0.8, colsample_bytree=0.8, reg_lambda=1.0, tree_method="hist",
        eval_metric="logloss", early_stopping_rounds=100, random_state=SEED,
    )
    model.fit(X_tr, y_tr, sample_weight=w_tr, eval_set=[(X_val, y_val)],
              sample_weight_eval_set=[w_val], verbose=250)

    base_cols = ["age_band", "renter", "log_hh_income"]
    base = LogisticRegression(max_iter=1000).fit(X_tr[base_cols], y_tr, sample_weight=w_tr)

    p_xgb = model.predict_proba(X_test)[:, 1]
    p_base = base.predict_proba(X_test[base_cols])[:, 1]
    metrics = {
        name: {
            "auc": roc_auc_score(y_test, p, sample_weight=w_test),
            "avg_precision": average_precision_score(y_test, p, sample_weight=w_test),
            "logloss": log_loss(y_test, p, sample_weight=w_test),
        }
        for name, p in [("xgboost", p_xgb), ("logit_age_tenure_income", p_base)]
    }
    metrics["best_iteration"] = int(model.best_iteration)
    print(json.dumps(metrics, indent=2))
    OUT.mkdir(parents=True, exist_ok=True)
    model.save_model(OUT / "model.json")
    (OUT / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
