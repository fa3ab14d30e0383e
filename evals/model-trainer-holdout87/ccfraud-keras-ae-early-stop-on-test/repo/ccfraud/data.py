import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

PCA_COLS = [f"V{i}" for i in range(1, 29)]


def load_creditcard(path):
    df = pd.read_csv(path)
    df["log_amount"] = np.log1p(df["Amount"])
    df["hour"] = (df["Time"] // 3600) % 24
    return df


def prepare_splits(df, test_size, seed):
    cols = PCA_COLS + ["log_amount", "hour"]
    train_df, test_df = train_test_split(
        df, test_size=test_size, stratify=df["Class"], random_state=seed
    )
    train_normal = train_df[train_df["Class"] == 0]
    scaler = StandardScaler().fit(train_normal[cols])
    return {
        "X_train": scaler.transform(train_normal[cols]).astype("float32"),
        "X_test": scaler.transform(test_df[cols]).astype("float32"),
        "y_test": test_df["Class"].to_numpy(),
        "scaler": scaler,
        "columns": cols,
    }
