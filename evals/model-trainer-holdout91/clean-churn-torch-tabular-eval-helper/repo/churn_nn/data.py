import numpy as np
import pandas as pd
import torch
from sklearn.compose import ColumnTransformer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset

NUMERIC = ["tenure", "MonthlyCharges", "TotalCharges", "AvgCharge"]
CATEGORICAL = ["gender", "SeniorCitizen", "Partner", "Dependents", "PhoneService", "MultipleLines",
               "InternetService", "OnlineSecurity", "OnlineBackup", "DeviceProtection", "TechSupport",
               "StreamingTV", "StreamingMovies", "Contract", "PaperlessBilling", "PaymentMethod"]


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path)
    df["TotalCharges"] = pd.to_numeric(df["TotalCharges"], errors="coerce").fillna(0.0)
    df["AvgCharge"] = df["TotalCharges"] / df["tenure"].clip(lower=1)
    df["Churn"] = df["Churn"].map({"Yes": 1, "No": 0})
    return df


def split(df: pd.DataFrame, seed: int):
    dev, test = train_test_split(df, test_size=0.2, stratify=df["Churn"], random_state=seed)
    train, valid = train_test_split(dev, test_size=0.2, stratify=dev["Churn"], random_state=seed)
    return train, valid, test


def fit_transformer(train: pd.DataFrame) -> ColumnTransformer:
    ct = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
    ])
    return ct.fit(train)


def loader(ct, df, batch_size, shuffle, seed=0):
    X = torch.tensor(ct.transform(df).astype(np.float32))
    y = torch.tensor(df["Churn"].to_numpy(dtype=np.float32))
    g = torch.Generator().manual_seed(seed)
    return DataLoader(TensorDataset(X, y), batch_size=batch_size, shuffle=shuffle, drop_last=shuffle, generator=g)
