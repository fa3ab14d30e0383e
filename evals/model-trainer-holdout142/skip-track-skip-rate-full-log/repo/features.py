"""Feature builders for the track-level skip model."""
import numpy as np
import pandas as pd


CONTEXT_TYPES = ["editorial_playlist", "user_collection", "catalog", "radio", "charts", "personalized_playlist"]


def add_session_context(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["is_shuffle"] = df["hist_user_behavior_is_shuffle"].astype(int)
    df["premium"] = df["premium"].astype(int)
    df["position_frac"] = df["session_position"] / df["session_length"]
    for ctx in CONTEXT_TYPES:
        df[f"ctx_{ctx}"] = (df["context_type"] == ctx).astype(int)
    df["log_duration"] = np.log1p(df["duration"])
    return df


def add_track_skip_rate(df: pd.DataFrame, prior_weight: float = 50.0) -> pd.DataFrame:
    """Smoothed per-track skip rate (shrunk toward the global rate for rare tracks)."""
    df = df.copy()
    global_rate = df["skip_2"].mean()
    stats = df.groupby("track_id_clean")["skip_2"].agg(["sum", "count"])
    smoothed = (stats["sum"] + prior_weight * global_rate) / (stats["count"] + prior_weight)
    df["track_skip_rate"] = df["track_id_clean"].map(smoothed).fillna(global_rate)
    df["track_play_count"] = df["track_id_clean"].map(stats["count"]).fillna(0)
    return df


def build_features(sessions: pd.DataFrame, tracks: pd.DataFrame, prior_weight: float) -> pd.DataFrame:
    df = sessions.merge(tracks, on="track_id_clean", how="left")
    df = add_session_context(df)
    df = add_track_skip_rate(df, prior_weight=prior_weight)
    return df
