import numpy as np
import pandas as pd


class ShowCompletionEncoder:
    """Smoothed mean completion per show and per (user, category), learned from a fitting frame."""

    def __init__(self, smoothing: float = 30.0):
        self.smoothing = smoothing

    def fit(self, df: pd.DataFrame):
        self.prior_ = df["completion"].mean()
        s = df.groupby("show_id")["completion"].agg(["sum", "count"])
        self.show_ = (s["sum"] + self.smoothing * self.prior_) / (s["count"] + self.smoothing)
        u = df.groupby(["user_id", "category"])["completion"].agg(["sum", "count"])
        self.user_cat_ = (u["sum"] + self.smoothing * self.prior_) / (u["count"] + self.smoothing)
        return self

    def transform(self, df: pd.DataFrame) -> pd.DataFrame:
        df = df.copy()
        df["show_completion_te"] = df["show_id"].map(self.show_).fillna(self.prior_)
        key = pd.MultiIndex.from_frame(df[["user_id", "category"]])
        df["user_cat_completion_te"] = self.user_cat_.reindex(key).fillna(self.prior_).to_numpy()
        return df


def add_basic_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["log_duration"] = np.log1p(df["duration_sec"])
    df["hour"] = df["listened_at"].dt.hour
    df["dow"] = df["listened_at"].dt.dayofweek
    df["episode_age_days"] = (df["listened_at"] - df["published_at"]).dt.days.clip(lower=0)
    df["is_download"] = (df["play_mode"] == "download").astype(int)
    return df


FEATURES = ["log_duration", "hour", "dow", "episode_age_days", "is_download", "episode_number",
            "n_ad_breaks", "explicit", "show_completion_te", "user_cat_completion_te"]
