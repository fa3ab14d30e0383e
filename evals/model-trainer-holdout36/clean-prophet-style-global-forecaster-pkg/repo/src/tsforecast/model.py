"""Forecasters with a Prophet-like interface on long frames (unique_id, ds, y)."""
import lightgbm as lgb
import numpy as np
import pandas as pd


class _Base:
    horizon: int

    def make_future_dataframe(self, periods=None) -> pd.DataFrame:
        periods = periods or self.horizon
        if periods > self.horizon:
            raise ValueError("direct features are only valid up to the fitted horizon")
        dates = pd.date_range(self.last_ds_ + pd.Timedelta(days=1), periods=periods, freq="D")
        ids = self.history_["unique_id"].unique()
        return pd.MultiIndex.from_product([ids, dates], names=["unique_id", "ds"]).to_frame(index=False)


class SeasonalNaive(_Base):
    def __init__(self, horizon=14, season=7):
        self.horizon, self.season = horizon, season

    def fit(self, df):
        self.history_ = df.sort_values(["unique_id", "ds"])
        self.last_ds_ = df["ds"].max()
        return self

    def predict(self, future):
        last = self.history_.groupby("unique_id").tail(self.season).copy()
        last["dow"] = last["ds"].dt.dayofweek
        out = future.assign(dow=future["ds"].dt.dayofweek)
        out = out.merge(last[["unique_id", "dow", "y"]], on=["unique_id", "dow"], how="left")
        return out.rename(columns={"y": "yhat"})[["unique_id", "ds", "yhat"]]


class LGBMForecaster(_Base):
    """Direct multi-step model: every feature is lagged by at least `horizon` days."""

    def __init__(self, horizon=14, lags=(14, 21, 28, 364), params=None, seed=0):
        if min(lags) < horizon:
            raise ValueError("all lags must be >= horizon")
        self.horizon, self.lags, self.seed = horizon, tuple(lags), seed
        self.params = dict(params or {})

    def _features(self, frame):
        frame = frame.sort_values(["unique_id", "ds"]).copy()
        g = frame.groupby("unique_id")["y_s"]
        for lag in self.lags:
            frame[f"lag_{lag}"] = g.shift(lag)
        frame["mean28_at_h"] = g.transform(lambda s: s.shift(self.horizon).rolling(28, min_periods=7).mean())
        frame["dow"] = frame["ds"].dt.dayofweek
        frame["month"] = frame["ds"].dt.month
        frame["dom"] = frame["ds"].dt.day
        return frame

    @property
    def _cols(self):
        return [f"lag_{lag}" for lag in self.lags] + ["mean28_at_h", "dow", "month", "dom"]

    def _scaled(self, df):
        return df.assign(y_s=df["y"] / df["unique_id"].map(self.scales_))

    def fit(self, df):
        # per-series level from the history passed in (i.e. only data up to the cutoff)
        self.scales_ = df.groupby("unique_id")["y"].mean().clip(lower=1.0)
        self.history_ = df.sort_values(["unique_id", "ds"]).reset_index(drop=True)
        self.last_ds_ = df["ds"].max()
        train = self._features(self._scaled(self.history_)).dropna(subset=[f"lag_{max(self.lags)}"])
        self.model_ = lgb.LGBMRegressor(random_state=self.seed, verbose=-1, **self.params)
        self.model_.fit(train[self._cols], train["y_s"])
        return self

    def predict(self, future):
        frame = pd.concat([self._scaled(self.history_), future.assign(y=np.nan, y_s=np.nan)], ignore_index=True)
        feats = self._features(frame)
        fut = feats[feats["ds"] > self.last_ds_].copy()
        fut["yhat"] = self.model_.predict(fut[self._cols]) * fut["unique_id"].map(self.scales_).to_numpy()
        return fut[["unique_id", "ds", "yhat"]]
