"""Tabular features for the ISIC 2020 melanoma model (metadata + frozen image embeddings)."""
import numpy as np
import pandas as pd

SITE_COL = "anatom_site_general_challenge"


def clean_metadata(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["sex"] = df["sex"].map({"male": 1, "female": 0}).fillna(-1).astype(int)
    df["age_approx"] = df["age_approx"].fillna(-1)
    df[SITE_COL] = df[SITE_COL].fillna("unknown")
    return df


def add_patient_context(df: pd.DataFrame) -> pd.DataFrame:
    # how many lesions were imaged for this patient and where this one sits in age range
    df["n_images_patient"] = df.groupby("patient_id")["image_name"].transform("count")
    df["patient_min_age"] = df.groupby("patient_id")["age_approx"].transform("min")
    df["age_since_first"] = df["age_approx"] - df["patient_min_age"]
    return df


def add_site_risk(df: pd.DataFrame, target: str = "target", smoothing: float = 20.0) -> pd.DataFrame:
    """Smoothed melanoma rate per anatomical site."""
    prior = df[target].mean()
    stats = df.groupby(SITE_COL)[target].agg(["mean", "count"])
    enc = (stats["mean"] * stats["count"] + prior * smoothing) / (stats["count"] + smoothing)
    df["site_risk"] = df[SITE_COL].map(enc).astype(float)
    return df


def site_dummies(df: pd.DataFrame) -> pd.DataFrame:
    d = pd.get_dummies(df[SITE_COL], prefix="site", dtype=np.uint8)
    return pd.concat([df, d], axis=1)
