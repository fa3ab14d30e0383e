"""Field-level maize yield forecasting.

Trains a LightGBM regressor that predicts next season's yield (t/ha) for each
field from soil properties, in-season weather covariates and the field's own
yield history. Cross-validated skill is written to reports/ and is what we
quote to the agronomy team as expected forecast error.
"""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import KFold

from features import add_heat_stress, add_yield_history

SEED = 42

SOIL_COLS = ["clay_pct", "sand_pct", "soc_pct", "ph", "awc_mm"]
WEATHER_COLS = ["gdd_may_sep", "precip_jun", "precip_jul", "tmax_jul", "vpd_jul", "srad_jul"]
HISTORY_COLS = ["yield_lag1", "yield_lag2", "yield_roll3"]
TARGET = "yield_t_ha"


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--fields", default="data/field_yields_2008_2023.parquet")
    p.add_argument("--weather", default="data/county_weather_2008_2023.parquet")
    p.add_argument("--out", default="reports/yield_cv.json")
    p.add_argument("--folds", type=int, default=5)
    return p.parse_args()


def load_frame(fields_path, weather_path):
    fields = pd.read_parquet(fields_path)
    weather = pd.read_parquet(weather_path)
    df = fields.merge(weather, on=["county_fips", "year"], how="left", validate="many_to_one")
    df = df.sort_values(["field_id", "year"]).reset_index(drop=True)
    df = add_yield_history(df, target=TARGET)
    df = add_heat_stress(df)
    # the first two seasons of each field have no usable history
    return df.dropna(subset=["yield_lag1", "yield_lag2"]).reset_index(drop=True)


def score(y_true, y_pred):
    return {
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "r2": float(r2_score(y_true, y_pred)),
    }


def main():
    args = parse_args()
    np.random.seed(SEED)
    df = load_frame(args.fields, args.weather)
    features = SOIL_COLS + WEATHER_COLS + HISTORY_COLS + ["heat_excess_jul", "dry_jul"]
    X = df[features]
    y = df[TARGET].to_numpy()
    print(f"{len(df):,} field-seasons, {df.field_id.nunique():,} fields, "
          f"years {df.year.min()}-{df.year.max()}")

    params = dict(
        objective="regression",
        learning_rate=0.03,
        n_estimators=700,
        num_leaves=31,
        min_child_samples=40,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        reg_lambda=1.0,
        random_state=SEED,
        verbose=-1,
    )

    kf = KFold(n_splits=args.folds, shuffle=True, random_state=SEED)
    oof = np.zeros(len(df))
    fold_scores = []
    for fold, (tr_idx, va_idx) in enumerate(kf.split(X)):
        model = lgb.LGBMRegressor(**params)
        model.fit(X.iloc[tr_idx], y[tr_idx])
        oof[va_idx] = model.predict(X.iloc[va_idx])
        fold_scores.append(score(y[va_idx], oof[va_idx]))
        print(f"fold {fold}: rmse={fold_scores[-1]['rmse']:.3f} r2={fold_scores[-1]['r2']:.3f}")

    # persistence baseline: this season's yield equals last season's
    persistence = score(y, df["yield_lag1"].to_numpy())
    climatology = score(y, df["yield_roll3"].to_numpy())
    overall = score(y, oof)
    print(f"LightGBM   : {overall}")
    print(f"persistence: {persistence}")
    print(f"3-yr mean  : {climatology}")

    by_year = (
        df.assign(pred=oof, abs_err=np.abs(oof - y))
        .groupby("year")["abs_err"].mean().round(3).to_dict()
    )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "model": overall,
        "folds": fold_scores,
        "baselines": {"persistence": persistence, "rolling_3yr": climatology},
        "mae_by_year": {int(k): v for k, v in by_year.items()},
        "params": params,
    }, indent=2))


if __name__ == "__main__":
    main()
