"""Feature construction for district-level weekly dengue case forecasting."""
import numpy as np
import pandas as pd

CLIMATE_COLS = ["rainfall_mm", "temp_mean_c", "humidity_pct", "ndvi"]


def add_calendar_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    week = df["epi_week"].astype(int)
    df["week_sin"] = np.sin(2 * np.pi * week / 52.0)
    df["week_cos"] = np.cos(2 * np.pi * week / 52.0)
    return df


def add_case_lags(df: pd.DataFrame, lags: list[int]) -> pd.DataFrame:
    df = df.sort_values(["district_id", "week_start"]).copy()
    grouped = df.groupby("district_id")["cases"]
    for lag in lags:
        df[f"cases_lag{lag}"] = grouped.shift(lag)
    # short-term trend of the epidemic curve
    df["cases_roll4"] = grouped.transform(lambda s: s.rolling(4, min_periods=1).mean())
    df["cases_growth"] = (df["cases_lag1"] + 1.0) / (df["cases_lag2"] + 1.0)
    return df


def add_climate_lags(df: pd.DataFrame, lags: list[int]) -> pd.DataFrame:
    # mosquito development and virus incubation put climate effects 2-8 weeks upstream
    grouped = df.groupby("district_id")
    for col in CLIMATE_COLS:
        for lag in lags:
            df[f"{col}_lag{lag}"] = grouped[col].shift(lag)
    return df


def build_feature_frame(df: pd.DataFrame, case_lags: list[int], climate_lags: list[int]) -> pd.DataFrame:
    df = add_calendar_features(df)
    df = add_case_lags(df, case_lags)
    df = add_climate_lags(df, climate_lags)
    df["log_pop"] = np.log1p(df["population"])
    df = df.dropna(subset=[f"cases_lag{max(case_lags)}", f"rainfall_mm_lag{max(climate_lags)}"])
    return df.reset_index(drop=True)


def feature_columns(df: pd.DataFrame) -> list[str]:
    cols = [c for c in df.columns if c.startswith(("cases_", "week_"))]
    cols += [c for c in df.columns if any(c.startswith(f"{k}_lag") for k in CLIMATE_COLS)]
    cols.append("log_pop")
    return cols
