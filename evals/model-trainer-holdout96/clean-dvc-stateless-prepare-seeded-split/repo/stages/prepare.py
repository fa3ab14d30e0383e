"""Row-level cleaning of raw renewal attempts. No statistics are learned here."""
from pathlib import Path

import numpy as np
import pandas as pd

from common import load_params


def main() -> None:
    p = load_params()["prepare"]
    df = pd.read_parquet(p["input"])
    df = df.drop_duplicates(subset="attempt_id")
    df = df[(df["amount"] > 0) & (df["amount"] <= p["max_amount"])].copy()

    df["attempted_at"] = pd.to_datetime(df["attempted_at"], utc=True)
    df["hour_of_day"] = df["attempted_at"].dt.hour
    df["is_weekend"] = (df["attempted_at"].dt.dayofweek >= 5).astype(int)
    df["log_amount"] = np.log1p(df["amount"])
    df["days_to_card_expiry"] = (
        pd.to_datetime(df["card_expiry"], format="%m/%y", utc=True) - df["attempted_at"]
    ).dt.days
    df["card_brand"] = df["card_brand"].str.strip().str.lower()
    df["issuer_country"] = df["issuer_country"].str.upper()

    out = Path("data/interim/attempts.parquet")
    out.parent.mkdir(parents=True, exist_ok=True)
    df.to_parquet(out, index=False)
    print(f"wrote {len(df)} rows")


if __name__ == "__main__":
    main()
