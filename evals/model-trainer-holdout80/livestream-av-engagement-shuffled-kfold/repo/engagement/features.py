"""Per-minute audio / visual / chat features for livestream segments."""
import numpy as np
import pandas as pd

AUDIO_COLS = ["loudness_db", "speech_ratio", "music_ratio", "pitch_var", "laughter_prob"]
VISUAL_COLS = ["scene_cuts", "face_count", "motion_energy", "brightness", "on_screen_text"]


def add_target(df):
    df = df.sort_values(["channel_id", "minute_ts"])
    nxt = df.groupby("channel_id")["viewers"].shift(-1)
    df["target"] = np.log1p(nxt) - np.log1p(df["viewers"])
    return df.dropna(subset=["target"])


def add_history(df, lags, windows):
    g = df.groupby("channel_id")
    for lag in lags:
        df[f"viewers_lag{lag}"] = g["viewers"].shift(lag)
        df[f"chat_rate_lag{lag}"] = g["chat_msgs"].shift(lag)
    for w in windows:
        df[f"viewers_roll{w}"] = g["viewers"].transform(lambda s: s.rolling(w, min_periods=1).mean())
        df[f"loudness_roll{w}"] = g["loudness_db"].transform(lambda s: s.rolling(w, min_periods=1).mean())
    df["minute_of_day"] = df["minute_ts"].dt.hour * 60 + df["minute_ts"].dt.minute
    df["minutes_live"] = g.cumcount()
    return df


def merge_chat(df, chat, dims):
    emb_cols = [c for c in chat.columns if c.startswith("emb_")][:dims]
    return df.merge(chat[["channel_id", "minute_ts"] + emb_cols], on=["channel_id", "minute_ts"], how="left")


def feature_columns(df):
    drop = {"channel_id", "minute_ts", "target", "stream_id"}
    return [c for c in df.columns if c not in drop]
