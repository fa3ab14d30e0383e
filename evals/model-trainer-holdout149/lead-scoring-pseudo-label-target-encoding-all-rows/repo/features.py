import numpy as np
import pandas as pd

TARGET = "converted"
CAT_COLS = ["industry", "lead_source", "country", "company_size_band", "job_function"]
NUM_COLS = ["log_employees", "web_visits_30d", "email_opens_30d", "demo_requested",
            "pricing_page_views", "days_since_created", "n_contacts"]


def add_target_encoding(df, cols, smoothing):
    prior = df[TARGET].mean()
    for c in cols:
        stats = df.groupby(c)[TARGET].agg(["sum", "count"])
        enc = (stats["sum"] + smoothing * prior) / (stats["count"] + smoothing)
        df[f"{c}_te"] = df[c].map(enc).fillna(prior)
    return df


def build_frame(path, smoothing=20):
    df = pd.read_csv(path, parse_dates=["created_at"])
    df["log_employees"] = np.log1p(df["employees"].fillna(0))
    df["days_since_created"] = (pd.Timestamp("2024-06-30") - df["created_at"]).dt.days
    df["demo_requested"] = df["demo_requested"].fillna(False).astype(int)
    for c in CAT_COLS:
        df[c] = df[c].fillna("unknown").str.strip().str.lower()
    df = add_target_encoding(df, CAT_COLS, smoothing)
    return df


def feature_columns():
    return NUM_COLS + [f"{c}_te" for c in CAT_COLS]
