import pandas as pd


def cycle_key(c: pd.Series) -> pd.Series:
    """'2021H2' -> 4043 so cycles sort and compare numerically."""
    return c.str[:4].astype(int) * 2 + c.str[-1].astype(int) - 1


def add_lags(panel: pd.DataFrame) -> pd.DataFrame:
    p = panel.sort_values(["employee_id", "cycle_key"]).copy()
    g = p.groupby("employee_id", sort=False)
    p["rating_lag1"] = g["rating"].shift(1)
    p["rating_lag2"] = g["rating"].shift(2)
    p["rating_trend"] = p["rating"] - p["rating_lag1"]
    p["rating_mean_prior"] = g["rating"].transform(lambda s: s.shift(1).expanding().mean())
    p["promos_prior"] = g["promoted_this_cycle"].transform(lambda s: s.shift(1).fillna(0).cumsum())
    p["cycles_since_promo"] = g["promoted_this_cycle"].transform(
        lambda s: s.groupby(s.cumsum()).cumcount()
    )
    p["comp_growth_1c"] = g["base_pay"].pct_change(fill_method=None)
    p["new_manager"] = (g["manager_id"].shift(1) != p["manager_id"]).astype(int)
    return p


FEATURES = [
    "rating", "rating_lag1", "rating_lag2", "rating_trend", "rating_mean_prior",
    "promos_prior", "cycles_since_promo", "comp_growth_1c", "new_manager",
    "job_level", "tenure_months", "compa_ratio", "potential", "span_of_control",
    "learning_hours", "engagement",
]
