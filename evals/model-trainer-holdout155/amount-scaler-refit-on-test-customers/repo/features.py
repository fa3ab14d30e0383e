"""Feature building shared by training and batch scoring."""
import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import StandardScaler

NUM_COLS = ["log_amount", "is_credit", "is_round", "day_of_month", "hour", "days_since_prev_same_desc"]


def add_numeric(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(["customer_id", "posted_at"]).copy()
    amt = df["amount"].astype(float)
    df["log_amount"] = np.log1p(amt.abs())
    df["is_credit"] = (amt > 0).astype(float)
    df["is_round"] = (amt.abs() % 5 == 0).astype(float)
    df["day_of_month"] = df["posted_at"].dt.day
    df["hour"] = df["posted_at"].dt.hour
    prev = df.groupby(["customer_id", "description"])["posted_at"].shift(1)
    df["days_since_prev_same_desc"] = (df["posted_at"] - prev).dt.days.fillna(-1).clip(upper=120)
    return df


def build_features(df: pd.DataFrame, vectoriser=None, scaler=None):
    """Returns (X, vectoriser, scaler). Pass the fitted objects back in for new data."""
    if vectoriser is None:
        vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=3,
                                     max_features=100_000, sublinear_tf=True)
        vectoriser.fit(df["description"].str.lower())
    X_text = vectoriser.transform(df["description"].str.lower())

    scaler = scaler or StandardScaler()
    X_num = scaler.fit_transform(df[NUM_COLS])

    X = sparse.hstack([X_text, sparse.csr_matrix(X_num)]).tocsr()
    return X, vectoriser, scaler
