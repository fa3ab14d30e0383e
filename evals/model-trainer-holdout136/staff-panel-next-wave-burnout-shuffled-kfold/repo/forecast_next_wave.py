"""Forecast next-wave personal burnout (CBI) for the hospital staff panel.

Annual waves 2018-2023. For every respondent-wave we use the answers given at that wave
to predict the same person's CBI personal-burnout score at the following wave, so that
occupational health can plan support capacity for the coming year.

usage: python forecast_next_wave.py --data data/staff_panel_2018_2023.csv --seed 5
"""
import argparse
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import KFold, cross_validate

CBI_PERSONAL = [f"cbi_p{i}" for i in range(1, 7)]   # 0-4 frequency, scored x25
CBI_WORK = [f"cbi_w{i}" for i in range(1, 8)]
COPSOQ = ["quant_demands", "work_pace", "influence", "role_clarity", "social_support_sup",
          "work_family_conflict", "job_insecurity"]
STATIC = ["age_at_wave", "female", "profession_code", "night_shifts_month", "contract_pct"]


def score_scales(df):
    out = df.copy()
    out["cbi_personal"] = out[CBI_PERSONAL].mean(axis=1) * 25
    out["cbi_work"] = out[CBI_WORK].mean(axis=1) * 25
    return out


def build_panel(path):
    df = pd.read_csv(path)
    df = score_scales(df).sort_values(["staff_id", "wave"])
    g = df.groupby("staff_id")
    df["next_wave"] = g["wave"].shift(-1)
    df["cbi_personal_next"] = g["cbi_personal"].shift(-1)
    df["cbi_personal_change"] = g["cbi_personal"].diff()
    df["waves_in_panel"] = g.cumcount() + 1
    # keep only consecutive-wave pairs with an observed outcome
    df = df[(df["next_wave"] == df["wave"] + 1) & df["cbi_personal_next"].notna()]
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/staff_panel_2018_2023.csv")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--out", default="models/next_wave_hgb.joblib")
    args = ap.parse_args()

    panel = build_panel(args.data)
    features = (
        CBI_PERSONAL + CBI_WORK + COPSOQ + STATIC
        + ["cbi_personal", "cbi_work", "cbi_personal_change", "waves_in_panel", "wave"]
    )
    X = panel[features]
    y = panel["cbi_personal_next"]
    print(f"{len(panel)} respondent-wave pairs, {panel['staff_id'].nunique()} staff")

    model = HistGradientBoostingRegressor(
        max_iter=600, learning_rate=0.04, max_leaf_nodes=24, l2_regularization=1.0,
        categorical_features=[features.index("profession_code")], random_state=args.seed,
    )
    cv = KFold(n_splits=5, shuffle=True, random_state=args.seed)
    res = cross_validate(model, X, y, cv=cv, scoring=("neg_mean_absolute_error", "r2"))
    summary = {
        "cv_mae": float(-res["test_neg_mean_absolute_error"].mean()),
        "cv_r2": float(res["test_r2"].mean()),
        "naive_mae_carry_forward": float(np.mean(np.abs(y - panel["cbi_personal"]))),
    }
    print(json.dumps(summary, indent=2))

    model.fit(X, y)
    joblib.dump({"model": model, "features": features, "cv": summary}, args.out)


if __name__ == "__main__":
    main()
