"""Field-season feature construction for soybean yield forecasting."""
import pandas as pd


def add_history(df: pd.DataFrame, target: str) -> pd.DataFrame:
    """Lagged yields of the same field. Rows must be sorted by field_id, year."""
    out = df.copy()
    g = out.groupby("field_id")[target]
    out["yield_lag1"] = g.shift(1)
    out["yield_lag2"] = g.shift(2)
    out["yield_hist_mean"] = g.transform(lambda s: s.shift(1).expanding(min_periods=2).mean())
    out["years_observed"] = out.groupby("field_id").cumcount()
    return out


def add_season_weather(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["water_balance_jul_aug"] = out["precip_jul_aug_mm"] - out["et0_jul_aug_mm"]
    out["hot_days_aug"] = out["days_tmax_gt_32_aug"]
    out["late_planting"] = (out["planting_doy"] > 150).astype(int)
    return out
