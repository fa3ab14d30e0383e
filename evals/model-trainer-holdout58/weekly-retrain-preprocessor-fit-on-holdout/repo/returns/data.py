from __future__ import annotations

import os
from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa

QUERY = """
SELECT o.*, r.returned_within_30d
FROM analytics.order_features o
JOIN analytics.order_return_labels r USING (order_id)
WHERE o.order_date >= :start AND o.order_date < :end
"""


def load_window(end: date, lookback_weeks: int) -> pd.DataFrame:
    engine = sa.create_engine(os.environ["ANALYTICS_DB_URL"])
    start = end - timedelta(weeks=lookback_weeks)
    with engine.connect() as conn:
        df = pd.read_sql(sa.text(QUERY), conn, params={"start": start, "end": end}, parse_dates=["order_date"])
    return df.sort_values("order_date").reset_index(drop=True)


def time_split(df: pd.DataFrame, holdout_weeks: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    cutoff = df["order_date"].max() - pd.Timedelta(weeks=holdout_weeks)
    return df[df["order_date"] <= cutoff].copy(), df[df["order_date"] > cutoff].copy()
