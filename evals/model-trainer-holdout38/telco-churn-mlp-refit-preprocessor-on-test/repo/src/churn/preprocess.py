import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["tenure", "MonthlyCharges", "TotalCharges"]
CATEGORICAL = ["gender", "SeniorCitizen", "Partner", "Dependents", "PhoneService",
               "MultipleLines", "InternetService", "OnlineSecurity", "OnlineBackup",
               "DeviceProtection", "TechSupport", "StreamingTV", "StreamingMovies",
               "Contract", "PaperlessBilling", "PaymentMethod"]
TARGET = "Churn"


def clean(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["TotalCharges"] = pd.to_numeric(df["TotalCharges"].replace(" ", np.nan))
    df[TARGET] = (df[TARGET] == "Yes").astype(int)
    return df.drop(columns=["customerID"])


class Preprocessor:
    """Imputes + scales numeric columns, one-hot encodes categoricals."""

    def __init__(self):
        self.ct = ColumnTransformer([
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMERIC),
            ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
        ])

    def fit_transform(self, df):
        return self.ct.fit_transform(df[NUMERIC + CATEGORICAL]).astype("float32")

    def transform(self, df):
        return self.ct.transform(df[NUMERIC + CATEGORICAL]).astype("float32")
