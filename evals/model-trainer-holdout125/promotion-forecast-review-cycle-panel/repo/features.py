"""Feature engineering for the promotion-readiness model.

Input is the review-cycle panel: one row per (employee_id, review_cycle), cycles are
half-years encoded as e.g. "2021H2".
"""
import pandas as pd

CAT_COLS = ["job_family", "job_level", "location", "manager_level"]


def cycle_to_ordinal(cycle: pd.Series) -> pd.Series:
    year = cycle.str[:4].astype(int)
    half = cycle.str[-1].astype(int)
    return year * 2 + (half - 1)


def add_history_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["cycle_ord"] = cycle_to_ordinal(df["review_cycle"])
    df = df.sort_values(["employee_id", "cycle_ord"])
    g = df.groupby("employee_id")

    df["rating_prev"] = g["perf_rating"].shift(1)
    df["rating_prev2"] = g["perf_rating"].shift(2)
    df["rating_delta"] = df["perf_rating"] - df["rating_prev"]
    df["cycles_in_level"] = g["job_level"].transform(
        lambda s: s.groupby((s != s.shift()).cumsum()).cumcount() + 1
    )
    df["cycles_observed"] = g.cumcount() + 1
    df["salary_growth"] = g["base_salary"].pct_change()
    df["mgr_changed"] = (g["manager_id"].shift(1) != df["manager_id"]).astype(int)
    return df


def build_matrix(df: pd.DataFrame, target: str):
    for c in CAT_COLS:
        df[c] = df[c].astype("category")
    feature_cols = [
        "perf_rating", "rating_prev", "rating_prev2", "rating_delta",
        "potential_rating", "tenure_months", "cycles_in_level", "cycles_observed",
        "salary_growth", "compa_ratio", "mgr_changed", "training_hours",
        "engagement_score", "direct_reports",
    ] + CAT_COLS
    return df[feature_cols], df[target].astype(int)
