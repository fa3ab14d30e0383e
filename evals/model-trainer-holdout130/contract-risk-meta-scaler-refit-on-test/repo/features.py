import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix, hstack
from sklearn.preprocessing import StandardScaler

META_COLS = ["n_clauses", "n_pages", "log_contract_value", "term_months",
             "n_cross_refs", "n_defined_terms", "has_auto_renewal"]


def add_meta(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["log_contract_value"] = np.log1p(df["contract_value_usd"].clip(lower=0))
    df["n_cross_refs"] = df["full_text"].str.count(r"\b[Ss]ection \d+(\.\d+)*")
    df["n_defined_terms"] = df["full_text"].str.count(r"\"[A-Z][A-Za-z ]+\"")
    df["has_auto_renewal"] = df["full_text"].str.contains("automatically renew", case=False).astype(int)
    df["term_months"] = df["term_months"].fillna(12)
    return df


def scale_meta(df: pd.DataFrame, scaler: StandardScaler):
    return scaler.fit_transform(df[META_COLS].astype(float))


def build_matrix(df, tfidf, scaler, train: bool):
    text = tfidf.fit_transform(df["full_text"]) if train else tfidf.transform(df["full_text"])
    meta = scale_meta(df, scaler)
    return hstack([text, csr_matrix(meta)]).tocsr()
