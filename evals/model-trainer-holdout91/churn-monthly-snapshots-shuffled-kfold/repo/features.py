import pandas as pd

USAGE_COLS = ["voice_minutes", "data_gb", "sms_count", "support_calls", "bill_amount"]


def add_history_features(df: pd.DataFrame) -> pd.DataFrame:
    """Per-customer lag / rolling features; each row only looks at its own past months."""
    df = df.sort_values(["customer_id", "snapshot_month"]).copy()
    g = df.groupby("customer_id", sort=False)
    for col in USAGE_COLS:
        df[f"{col}_lag1"] = g[col].shift(1)
        df[f"{col}_roll3"] = g[col].transform(lambda s: s.shift(1).rolling(3, min_periods=1).mean())
        df[f"{col}_delta"] = df[col] - df[f"{col}_lag1"]
    df["months_active"] = g.cumcount() + 1
    df["plan_changed"] = ((g["plan"].shift(1) != df["plan"]) & (df["months_active"] > 1)).astype(int)
    df["month_of_year"] = df["snapshot_month"].dt.month
    return df
