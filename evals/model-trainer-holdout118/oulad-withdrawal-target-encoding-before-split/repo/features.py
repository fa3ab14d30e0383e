"""Feature building for the OULAD early-withdrawal model."""
import numpy as np
import pandas as pd

KEYS = ["id_student", "code_module", "code_presentation"]


def load_oulad(data_dir):
    info = pd.read_csv(f"{data_dir}/studentInfo.csv")
    vle = pd.read_csv(f"{data_dir}/studentVle.csv")
    assessments = pd.read_csv(f"{data_dir}/assessments.csv")
    student_assess = pd.read_csv(f"{data_dir}/studentAssessment.csv")
    student_assess = student_assess.merge(
        assessments[["id_assessment", "code_module", "code_presentation", "assessment_type"]],
        on="id_assessment",
        how="left",
    )
    return info, vle, student_assess


def engagement_features(vle, cutoff_day):
    early = vle[vle["date"] <= cutoff_day]
    agg = early.groupby(KEYS).agg(
        total_clicks=("sum_click", "sum"),
        active_days=("date", "nunique"),
        n_sites=("id_site", "nunique"),
        first_day=("date", "min"),
        last_day=("date", "max"),
    ).reset_index()
    agg["clicks_per_day"] = agg["total_clicks"] / agg["active_days"].clip(lower=1)
    agg["days_since_last"] = cutoff_day - agg["last_day"]
    return agg


def assessment_features(student_assess, cutoff_day):
    early = student_assess[student_assess["date_submitted"] <= cutoff_day]
    agg = early.groupby(KEYS).agg(
        mean_score=("score", "mean"),
        min_score=("score", "min"),
        n_submitted=("id_assessment", "count"),
        n_banked=("is_banked", "sum"),
    ).reset_index()
    return agg


def add_target_encoding(df, cols, target, smoothing=20.0):
    """Smoothed mean encoding for high-cardinality categoricals."""
    prior = df[target].mean()
    for col in cols:
        stats = df.groupby(col)[target].agg(["mean", "count"])
        enc = (stats["mean"] * stats["count"] + prior * smoothing) / (stats["count"] + smoothing)
        df[f"{col}_te"] = df[col].map(enc).fillna(prior)
    return df


def build_table(info, vle, student_assess, cutoff_day):
    df = info.merge(engagement_features(vle, cutoff_day), on=KEYS, how="left")
    df = df.merge(assessment_features(student_assess, cutoff_day), on=KEYS, how="left")
    fill_zero = ["total_clicks", "active_days", "n_sites", "clicks_per_day", "n_submitted", "n_banked"]
    df[fill_zero] = df[fill_zero].fillna(0)
    df["days_since_last"] = df["days_since_last"].fillna(cutoff_day)
    df["no_activity"] = (df["active_days"] == 0).astype(int)
    df["log_clicks"] = np.log1p(df["total_clicks"])
    return df
