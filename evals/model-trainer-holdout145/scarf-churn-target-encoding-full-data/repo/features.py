import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder, StandardScaler

TARGET = "Churn"
TE_COLS = ["Contract", "PaymentMethod", "InternetService"]
OHE_COLS = ["gender", "Partner", "Dependents", "PhoneService", "MultipleLines", "OnlineSecurity",
            "TechSupport", "StreamingTV", "PaperlessBilling"]
NUM_COLS = ["tenure", "MonthlyCharges", "TotalCharges", "SeniorCitizen"]


def load_telco(path):
    df = pd.read_csv(path)
    df["TotalCharges"] = pd.to_numeric(df["TotalCharges"], errors="coerce").fillna(0.0)
    df[TARGET] = (df[TARGET] == "Yes").astype(int)
    return df.drop(columns=["customerID"])


def add_target_encoding(df, cols, target=TARGET, smoothing=20.0):
    """Smoothed mean-target encoding, adds <col>_te next to each categorical."""
    df = df.copy()
    prior = df[target].mean()
    for c in cols:
        stats = df.groupby(c)[target].agg(["mean", "count"])
        smooth = (stats["mean"] * stats["count"] + prior * smoothing) / (stats["count"] + smoothing)
        df[f"{c}_te"] = df[c].map(smooth).astype("float32")
    return df


def make_preprocessor():
    te_cols = [f"{c}_te" for c in TE_COLS]
    return ColumnTransformer([
        ("num", StandardScaler(), NUM_COLS + te_cols),
        ("ohe", OneHotEncoder(handle_unknown="ignore", sparse_output=False), OHE_COLS),
    ])
