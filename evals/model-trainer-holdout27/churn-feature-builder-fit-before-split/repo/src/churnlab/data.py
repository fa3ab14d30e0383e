import logging

import pandas as pd

log = logging.getLogger(__name__)

TARGET = "churned_90d"
ID_COLS = ["customer_id", "snapshot_date"]


def load_customers(path: str, min_tenure_days: int = 0) -> pd.DataFrame:
    df = pd.read_parquet(path)
    before = len(df)
    df = df.drop_duplicates(subset="customer_id", keep="last")
    df = df[df["tenure_days"] >= min_tenure_days].reset_index(drop=True)
    df[TARGET] = df[TARGET].astype(int)
    log.info("dropped %d rows (duplicates / short tenure)", before - len(df))
    return df
