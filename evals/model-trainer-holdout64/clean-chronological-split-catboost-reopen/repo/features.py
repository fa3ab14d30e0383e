import pandas as pd


def past_only_customer_features(df: pd.DataFrame) -> pd.DataFrame:
    """Features that only look at the customer's earlier tickets (rows must be sorted by created_at)."""
    g = df.groupby("customer_id", sort=False)
    out = pd.DataFrame(index=df.index)
    out["n_prev_tickets"] = g.cumcount()
    out["n_prev_reopened"] = g["reopened"].transform(lambda s: s.shift(1, fill_value=0).cumsum())
    out["days_since_prev"] = g["created_at"].diff().dt.total_seconds().div(86400).fillna(-1)
    out["body_chars"] = df["body"].str.len().fillna(0)
    out["n_attachments"] = df["n_attachments"].fillna(0)
    out["channel"] = df["channel"].fillna("unknown")
    out["product_area"] = df["product_area"].fillna("unknown")
    return out


CAT_COLS = ["channel", "product_area"]
