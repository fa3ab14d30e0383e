"""Annual confirmed-malaria incidence per 1,000 catchment population at health-facility level.

Region (admin1) enters through a smoothed target encoding. Encodings for training rows are
computed out-of-fold; whole districts are held out for testing.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupKFold, GroupShuffleSplit

SEED = 29
SMOOTHING = 30.0
TARGET = "log_incidence"
NUMERIC = [
    "elevation_m", "evi_mean", "lst_night_c", "rain_wet_season_mm", "itn_distributed_per_capita",
    "irs_covered", "catchment_pop_log", "dist_to_river_km", "pct_urban", "facility_level",
    "reporting_completeness",
]


def _smoothed_means(frame: pd.DataFrame, col: str, target: str, prior: float) -> pd.Series:
    stats = frame.groupby(col)[target].agg(["sum", "count"])
    return (stats["sum"] + SMOOTHING * prior) / (stats["count"] + SMOOTHING)


def oof_target_encode(train: pd.DataFrame, col: str, target: str, groups: pd.Series, n_splits: int = 5) -> pd.Series:
    encoded = pd.Series(np.nan, index=train.index)
    for fit_idx, enc_idx in GroupKFold(n_splits=n_splits).split(train, groups=groups):
        fit_part = train.iloc[fit_idx]
        means = _smoothed_means(fit_part, col, target, fit_part[target].mean())
        encoded.iloc[enc_idx] = train.iloc[enc_idx][col].map(means).to_numpy()
    return encoded.fillna(train[target].mean())


def apply_target_encode(train: pd.DataFrame, other: pd.DataFrame, col: str, target: str) -> pd.Series:
    prior = train[target].mean()
    return other[col].map(_smoothed_means(train, col, target, prior)).fillna(prior)


def report(name, y, p):
    m = {"mae": mean_absolute_error(y, p), "rmse": mean_squared_error(y, p) ** 0.5, "r2": r2_score(y, p)}
    print(f"{name:>14}: MAE={m['mae']:.3f} RMSE={m['rmse']:.3f} R2={m['r2']:.3f}")
    return m


def main():
    df = pd.read_csv("data/hmis_facility_2022.csv")
    df = df[(df["catchment_pop"] > 500) & (df["reporting_completeness"] >= 0.75)].copy()
    df[TARGET] = np.log1p(df["confirmed_cases"] / df["catchment_pop"] * 1000)
    df["catchment_pop_log"] = np.log(df["catchment_pop"])
    df = df.dropna(subset=NUMERIC + [TARGET]).reset_index(drop=True)

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    tr_idx, te_idx = next(gss.split(df, groups=df["district"]))
    train, test = df.iloc[tr_idx].copy(), df.iloc[te_idx].copy()

    train["region_te"] = oof_target_encode(train, "region", TARGET, groups=train["district"])
    test["region_te"] = apply_target_encode(train, test, "region", TARGET)
    features = NUMERIC + ["region_te"]

    inner = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=SEED + 1)
    fit_rel, val_rel = next(inner.split(train, groups=train["district"]))
    fit, val = train.iloc[fit_rel], train.iloc[val_rel]

    model = xgb.XGBRegressor(
        n_estimators=4000, learning_rate=0.02, max_depth=5, min_child_weight=5, subsample=0.8,
        colsample_bytree=0.8, reg_lambda=1.0, early_stopping_rounds=200, random_state=SEED,
    )
    model.fit(fit[features], fit[TARGET], eval_set=[(val[features], val[TARGET])], verbose=False)
    print(f"best iteration: {model.best_iteration}")

    results = {
        "global_mean": report("global_mean", test[TARGET], np.full(len(test), train[TARGET].mean())),
        "region_mean": report("region_mean", test[TARGET], test["region_te"]),
        "xgboost": report("xgboost", test[TARGET], model.predict(test[features])),
    }
    out = Path("models")
    out.mkdir(exist_ok=True)
    model.save_model(out / "facility_incidence_xgb.json")
    (out / "facility_incidence_metrics.json").write_text(json.dumps(results, indent=2, default=float))


if __name__ == "__main__":
    main()
