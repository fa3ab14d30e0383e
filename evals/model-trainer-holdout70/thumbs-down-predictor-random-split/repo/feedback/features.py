"""Per-conversation features for predicting negative feedback on assistant responses."""
import numpy as np
import pandas as pd


def load_events(path):
    df = pd.read_parquet(path)
    df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
    df = df.sort_values("created_at").reset_index(drop=True)
    df["thumbs_down"] = (df["feedback"] == "down").astype(int)
    return df


def add_history_features(df):
    df = df.copy()
    by_user = df.groupby("user_id", sort=False)
    df["user_prev_turns"] = by_user.cumcount()
    df["user_prev_down_rate"] = by_user["thumbs_down"].transform(lambda s: s.shift(1).expanding().mean()).fillna(0.0)
    df["hours_since_last_turn"] = by_user["created_at"].diff().dt.total_seconds().div(3600).fillna(24 * 30)

    indexed = df.set_index("created_at")
    df["model_down_rate_7d"] = (
        indexed.groupby("model_version")["thumbs_down"]
        .transform(lambda s: s.shift(1).rolling("7D").mean())
        .fillna(0.0)
        .to_numpy()
    )
    df["hour_of_day"] = df["created_at"].dt.hour
    df["response_chars"] = df["response"].str.len()
    df["prompt_chars"] = df["prompt"].str.len()
    df["latency_s"] = df["latency_ms"] / 1000.0
    df["has_code_block"] = df["response"].str.contains("```", regex=False).astype(int)
    df["refusal_phrase"] = df["response"].str.contains(r"I can(?:not|'t) help with", regex=True).astype(int)
    return df


NUMERIC = ["user_prev_turns", "user_prev_down_rate", "hours_since_last_turn", "model_down_rate_7d", "hour_of_day",
           "response_chars", "prompt_chars", "latency_s", "has_code_block", "refusal_phrase", "tool_calls"]
CATEGORICAL = ["model_version", "product_surface", "locale"]


def feature_frame(df):
    X = df[NUMERIC + CATEGORICAL].copy()
    X[CATEGORICAL] = X[CATEGORICAL].astype(str)
    return X, df["thumbs_down"].to_numpy()
