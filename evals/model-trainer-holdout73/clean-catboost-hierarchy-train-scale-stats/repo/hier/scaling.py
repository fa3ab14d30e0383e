"""Per-series level scaling so one global model can serve SKUs with very different volumes."""
import numpy as np
import pandas as pd

SERIES = ["dc_id", "sku_id"]


def fit_series_scale(train: pd.DataFrame, target: str = "units", window_weeks: int = 52) -> pd.DataFrame:
    recent_cut = train["week"].max() - pd.Timedelta(weeks=window_weeks)
    recent = train[train["week"] > recent_cut]
    scale = recent.groupby(SERIES, observed=True)[target].mean().rename("scale").reset_index()
    scale["scale"] = scale["scale"].clip(lower=1.0)
    return scale


def apply_scale(df: pd.DataFrame, scale: pd.DataFrame) -> pd.DataFrame:
    out = df.merge(scale, on=SERIES, how="left")
    out["scale"] = out["scale"].fillna(1.0)
    for col in ["units", "lag_1", "lag_2", "lag_4", "lag_52", "ma_4", "ma_13"]:
        out[f"{col}_s"] = out[col] / out["scale"]
    return out


def unscale(pred_scaled: np.ndarray, df: pd.DataFrame) -> np.ndarray:
    return pred_scaled * df["scale"].to_numpy()
