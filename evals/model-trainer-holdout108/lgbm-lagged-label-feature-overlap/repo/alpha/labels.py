import pandas as pd


def forward_return(df: pd.DataFrame, horizon: int, demean: bool = True) -> pd.Series:
    """Close-to-close return from t to t+horizon, optionally demeaned per date."""
    fwd = df.groupby("ticker")["close"].shift(-horizon) / df["close"] - 1.0
    if demean:
        fwd = fwd - fwd.groupby(df["date"]).transform("mean")
    return fwd
