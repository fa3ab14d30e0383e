import numpy as np
import pandas as pd


def load_payments(path):
    df = pd.read_parquet(path)
    df["event_time"] = pd.to_datetime(df["event_time"], utc=True)
    df["log_amount"] = np.log1p(df["amount_eur"])
    return df.sort_values("event_time").reset_index(drop=True)


def split_by_time(df, train_until, valid_until, test_until):
    t0, t1, t2 = (pd.Timestamp(t, tz="UTC") for t in (train_until, valid_until, test_until))
    return (
        df[df.event_time < t0],
        df[(df.event_time >= t0) & (df.event_time < t1)],
        df[(df.event_time >= t1) & (df.event_time < t2)],
    )
