"""Feature helpers for the actionable-finding classifier (abdominal CT reports)."""
import re

import numpy as np
import pandas as pd

NEGATION_CUES = re.compile(r"\b(no|without|negative for|resolved|unremarkable|free of)\b", re.I)
HEDGE_CUES = re.compile(r"\b(may represent|possibly|cannot be excluded|questionable|suspicious for)\b", re.I)
RECOMMEND_RE = re.compile(r"\b(recommend(ed)?|follow[- ]?up|correlate clinically|further evaluation)\b", re.I)


def text_stats(df: pd.DataFrame, text_col: str) -> pd.DataFrame:
    """Per-report counts; purely row-wise."""
    text = df[text_col].fillna("")
    out = pd.DataFrame(index=df.index)
    out["n_tokens"] = text.str.split().str.len()
    out["n_negations"] = text.str.count(NEGATION_CUES)
    out["n_hedges"] = text.str.count(HEDGE_CUES)
    out["has_recommendation"] = text.str.contains(RECOMMEND_RE).astype(int)
    out["log_tokens"] = np.log1p(out["n_tokens"])
    return out


def add_reader_prior(df: pd.DataFrame, label_col: str, prior_weight: float = 20.0) -> pd.DataFrame:
    """Smoothed per-radiologist rate of actionable reports.

    Some attendings flag far more findings than others; shrink toward the global
    rate so readers with few reports don't get extreme values.
    """
    global_rate = df[label_col].mean()
    stats = df.groupby("radiologist_id")[label_col].agg(["sum", "count"])
    smoothed = (stats["sum"] + prior_weight * global_rate) / (stats["count"] + prior_weight)
    df = df.copy()
    df["reader_prior"] = df["radiologist_id"].map(smoothed).fillna(global_rate)
    return df
