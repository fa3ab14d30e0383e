"""Feature builders for the field-season yield table."""
import numpy as np
import pandas as pd


def add_yield_history(df: pd.DataFrame, target: str = "yield_t_ha") -> pd.DataFrame:
    """Previous-season yields for each field (expects rows sorted by field, year)."""
    out = df.copy()
    grp = out.groupby("field_id")[target]
    out["yield_lag1"] = grp.shift(1)
    out["yield_lag2"] = grp.shift(2)
    out["yield_roll3"] = grp.transform(lambda s: s.shift(1).rolling(3, min_periods=2).mean())
    return out


def add_heat_stress(df: pd.DataFrame, tmax_col: str = "tmax_jul", threshold_c: float = 32.0) -> pd.DataFrame:
    """Degrees above a fixed physiological threshold during silking (July)."""
    out = df.copy()
    out["heat_excess_jul"] = np.clip(out[tmax_col] - threshold_c, 0.0, None)
    out["dry_jul"] = (out["precip_jul"] < 40.0).astype(int)
    return out
