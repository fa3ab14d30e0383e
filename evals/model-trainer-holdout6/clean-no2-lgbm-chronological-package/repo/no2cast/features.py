"""Feature construction. Every history feature only looks backwards in time."""
import pandas as pd


def history(df: pd.DataFrame, target: str, lags) -> pd.DataFrame:
    out = df.copy()
    for k in lags:
        out[f"lag_{k}"] = out[target].shift(k)
    prev = out[target].shift(1)
    out["roll_mean_24"] = prev.rolling(24, min_periods=12).mean()
    out["roll_std_24"] = prev.rolling(24, min_periods=12).std()
    out["ewm_6"] = prev.ewm(halflife=6).mean()
    out["hour"] = out.index.hour
    out["dow"] = out.index.dayofweek
    out["is_weekend"] = (out["dow"] >= 5).astype(int)
    return out.dropna(subset=[f"lag_{max(lags)}"])


class HourOfWeekProfile:
    """Typical NO2 level for each hour of the week, learned from the rows passed to fit()."""

    def fit(self, frame: pd.DataFrame, target: str):
        how = frame.index.dayofweek * 24 + frame.index.hour
        self.profile_ = frame[target].groupby(how).median()
        self.fallback_ = frame[target].median()
        return self

    def transform(self, frame: pd.DataFrame) -> pd.DataFrame:
        how = frame.index.dayofweek * 24 + frame.index.hour
        out = frame.copy()
        out["how_profile"] = pd.Series(how, index=frame.index).map(self.profile_).fillna(self.fallback_)
        return out
