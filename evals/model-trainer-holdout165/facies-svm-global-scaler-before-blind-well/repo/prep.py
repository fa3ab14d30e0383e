"""Loading / cleaning helpers for the Kansas (Hugoton-Panoma) facies dataset."""
import pandas as pd
from sklearn.preprocessing import StandardScaler

FACIES_LABELS = ["SS", "CSiS", "FSiS", "SiSh", "MS", "WS", "D", "PS", "BS"]

# facies that are hard to separate; used for the "adjacent facies" F1
ADJACENT_FACIES = {
    1: [2], 2: [1, 3], 3: [2], 4: [5], 5: [4, 6],
    6: [5, 7], 7: [6, 8], 8: [6, 7, 9], 9: [7, 8],
}


def load_wells(path):
    df = pd.read_csv(path)
    df["Well Name"] = df["Well Name"].astype("category")
    df["Formation"] = df["Formation"].astype("category")
    # Recruit F9 is a pseudo-well built from core descriptions, keep it for training
    return df


def drop_missing_pe(df):
    # two wells were logged without a PE tool
    return df.dropna(subset=["PE"]).reset_index(drop=True)


def standardize(df, features):
    scaler = StandardScaler()
    out = df.copy()
    out[features] = scaler.fit_transform(df[features])
    return out, scaler


def adjacent_accuracy(conf, adjacent=ADJACENT_FACIES):
    total = conf.sum()
    hits = 0
    for i in range(conf.shape[0]):
        hits += conf[i, i]
        for j in adjacent[i + 1]:
            hits += conf[i, j - 1]
    return hits / total
