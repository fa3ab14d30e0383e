import numpy as np
import pandas as pd

DROP = ["sha256", "family", "first_submission", "source"]


def load_family_dataset(csv_path, min_samples):
    df = pd.read_csv(csv_path).dropna(subset=["family"])
    counts = df["family"].value_counts()
    df = df[df["family"].isin(counts[counts >= min_samples].index)].reset_index(drop=True)
    X = df.drop(columns=DROP).astype(np.float32)
    return X, df["family"].to_numpy()
