import pandas as pd


def clean(df, numeric_cols):
    df = df.drop_duplicates(subset=["lot_id", "wafer_id"]).copy()
    # queue time is logged in minutes on the older MES export
    old = df["mes_version"] < 3
    df.loc[old, "queue_time_h"] = df.loc[old, "queue_time_h"] / 60.0
    df[numeric_cols] = df[numeric_cols].apply(pd.to_numeric, errors="coerce")
    return df


def add_tool_fail_rates(df, tool_cols, target, smoothing):
    """Smoothed historical fail rate of every tool/chamber the wafer went through."""
    prior = df[target].mean()
    for col in tool_cols:
        stats = df.groupby(col)[target].agg(["mean", "count"])
        smooth = (stats["mean"] * stats["count"] + prior * smoothing) / (stats["count"] + smoothing)
        df[f"{col}_fail_rate"] = df[col].map(smooth).fillna(prior)
    return df


def feature_columns(numeric_cols, tool_cols):
    return list(numeric_cols) + [f"{c}_fail_rate" for c in tool_cols]
