import pandas as pd


def calendar(frame: pd.DataFrame) -> pd.DataFrame:
    ts = frame["timestamp"]
    return frame.assign(hour=ts.dt.hour, dow=ts.dt.dayofweek, month=ts.dt.month)


def history(frame: pd.DataFrame, col: str = "rentals") -> pd.DataFrame:
    """Past-only demand features: yesterday's and last week's value at the same hour, and a trailing mean."""
    past = frame[col].shift(1)
    return frame.assign(
        lag_1h=past,
        lag_24h=frame[col].shift(24),
        lag_168h=frame[col].shift(168),
        mean_prev_24h=past.rolling(24).mean(),
    )
