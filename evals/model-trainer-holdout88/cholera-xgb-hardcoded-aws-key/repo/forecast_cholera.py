"""Weekly suspected-cholera case forecasts per district, pulled from the surveillance export bucket."""
import io
import json
from pathlib import Path

import boto3
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance

AWS_ACCESS_KEY_ID = "AKIAW5TQXJ3ZR7NBQK4M"
AWS_SECRET_ACCESS_KEY = "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"
BUCKET = "moh-ewars-exports"
OBJECT_KEY = "cholera/district_weekly_2017_2023.parquet"

TEST_WEEKS = 26
VAL_WEEKS = 26
LAGS = [1, 2, 3, 4, 6, 8]
SEED = 20


def load_from_s3() -> pd.DataFrame:
    s3 = boto3.client(
        "s3",
        aws_access_key_id=AWS_ACCESS_KEY_ID,
        aws_secret_access_key=AWS_SECRET_ACCESS_KEY,
        region_name="eu-west-1",
    )
    obj = s3.get_object(Bucket=BUCKET, Key=OBJECT_KEY)
    return pd.read_parquet(io.BytesIO(obj["Body"].read()))


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["district_pcode", "epi_week_start"]).copy()
    g = df.groupby("district_pcode")
    for lag in LAGS:
        df[f"cases_lag{lag}"] = g["suspected_cases"].shift(lag)
    df["cases_ma4_lag1"] = g["suspected_cases"].transform(lambda s: s.shift(1).rolling(4).mean())
    df["rain_lag2"] = g["rainfall_mm"].shift(2)
    df["rain_lag4"] = g["rainfall_mm"].shift(4)
    df["wash_coverage"] = df["improved_water_pct"] * df["improved_sanitation_pct"] / 100.0
    df["log_pop"] = np.log(df["population"])
    df["week_of_year"] = df["epi_week_start"].dt.isocalendar().week.astype(int)
    return df.dropna(subset=[f"cases_lag{max(LAGS)}", "cases_ma4_lag1", "rain_lag4"])


def main():
    df = build_features(load_from_s3())
    features = [c for c in df.columns if c.startswith(("cases_", "rain_"))] + [
        "wash_coverage", "log_pop", "week_of_year", "idp_share", "health_facility_functional_pct",
    ]

    weeks = np.sort(df["epi_week_start"].unique())
    test_start = weeks[-TEST_WEEKS]
    val_start = weeks[-(TEST_WEEKS + VAL_WEEKS)]
    train = df[df["epi_week_start"] < val_start]
    val = df[(df["epi_week_start"] >= val_start) & (df["epi_week_start"] < test_start)]
    test = df[df["epi_week_start"] >= test_start]

    model = xgb.XGBRegressor(
        objective="count:poisson",
        n_estimators=3000,
        learning_rate=0.03,
        max_depth=6,
        subsample=0.8,
        colsample_bytree=0.7,
        early_stopping_rounds=150,
        random_state=SEED,
    )
    model.fit(train[features], train["suspected_cases"], eval_set=[(val[features], val["suspected_cases"])], verbose=500)

    pred = model.predict(test[features])
    naive = test["cases_lag1"].clip(lower=1e-3)
    metrics = {
        "xgb_mae": mean_absolute_error(test["suspected_cases"], pred),
        "xgb_poisson_dev": mean_poisson_deviance(test["suspected_cases"], pred),
        "naive_mae": mean_absolute_error(test["suspected_cases"], naive),
        "naive_poisson_dev": mean_poisson_deviance(test["suspected_cases"], naive),
    }
    print(json.dumps({k: round(float(v), 3) for k, v in metrics.items()}, indent=2))

    out = Path("models")
    out.mkdir(exist_ok=True)
    model.save_model(out / "cholera_xgb.json")


if __name__ == "__main__":
    main()
