import pandas as pd


def period_split(df, date_col, periods):
    """Split origination cohorts into train / valid / test windows (inclusive month bounds)."""
    month = pd.to_datetime(df[date_col]).dt.to_period("M")
    parts = {}
    for name, (start, end) in periods.items():
        mask = (month >= pd.Period(start, "M")) & (month <= pd.Period(end, "M"))
        parts[name] = df.loc[mask].copy()
    bounds = [(n, p[date_col].min(), p[date_col].max(), len(p)) for n, p in parts.items()]
    for n, lo, hi, size in bounds:
        print(f"{n:5s} {lo} -> {hi}  n={size:,}")
    return parts
