import logging

import pandas as pd

log = logging.getLogger(__name__)


def load_station(path: str, ts_col: str) -> pd.DataFrame:
    raw = pd.read_csv(path)
    raw[ts_col] = pd.to_datetime(raw[["year", "month", "day", "hour"]])
    raw = raw.sort_values(ts_col).set_index(ts_col)
    # sensor dropouts: forward fill short gaps only (<= 3h), drop the rest
    raw = raw.asfreq("h")
    raw = raw.ffill(limit=3).dropna(subset=["PM2.5"])
    raw = raw.rename(columns={"PM2.5": "pm25"})
    log.info("loaded %d hourly rows from %s to %s", len(raw), raw.index.min(), raw.index.max())
    return raw
