import numpy as np
import pandas as pd

LOG_COLS = ["load_amount", "loads_24h_amount", "loads_7d_amount", "atm_wdl_24h_amount"]
RAW_COLS = [
    "loads_24h_count", "distinct_load_locations_7d", "minutes_load_to_first_atm", "cards_per_id_doc",
    "pct_loads_at_max_limit", "card_age_days", "foreign_atm_share_7d",
]


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    df = df.dropna(subset=["card_id", "load_ts", "load_amount"]).copy()
    df["load_ts"] = pd.to_datetime(df["load_ts"])
    for c in LOG_COLS:
        df[f"log_{c}"] = np.log1p(df[c].clip(lower=0))
    df["minutes_load_to_first_atm"] = df["minutes_load_to_first_atm"].fillna(7 * 24 * 60)
    df["foreign_atm_share_7d"] = df["foreign_atm_share_7d"].fillna(0.0)
    return df


def feature_names():
    return [f"log_{c}" for c in LOG_COLS] + RAW_COLS
