"""Customer-month panel features for next-month churn."""
import pandas as pd


def add_label(panel: pd.DataFrame) -> pd.DataFrame:
    """churn_next_month = customer has no active snapshot in the following month."""
    panel = panel.sort_values(["customer_id", "month"]).copy()
    nxt = panel.groupby("customer_id")["month"].shift(-1)
    panel["churn_next_month"] = (nxt != panel["month"] + 1).astype(int)
    return panel


def add_lag_features(panel: pd.DataFrame, cols, windows) -> pd.DataFrame:
    panel = panel.sort_values(["customer_id", "month"]).copy()
    g = panel.groupby("customer_id", sort=False)
    for col in cols:
        panel[f"{col}_lag1"] = g[col].shift(1)
        panel[f"{col}_delta1"] = panel[col] - panel[f"{col}_lag1"]
        for w in windows:
            roll = g[col].transform(lambda s: s.rolling(w, min_periods=1).mean())
            panel[f"{col}_mean{w}"] = roll
            panel[f"{col}_ratio{w}"] = panel[col] / (roll + 1e-6)
    panel["tenure_months"] = g.cumcount() + 1
    return panel
