import numpy as np
import pandas as pd

# identifiers / constant columns in the CSE-CIC-IDS2018 CICFlowMeter export
DROP = ["Flow ID", "Src IP", "Src Port", "Dst IP", "Timestamp",
        "Bwd PSH Flags", "Bwd URG Flags", "Fwd Byts/b Avg", "Fwd Pkts/b Avg", "Fwd Blk Rate Avg",
        "Bwd Byts/b Avg", "Bwd Pkts/b Avg", "Bwd Blk Rate Avg"]


def load(files, label_col):
    parts = []
    for f in files:
        p = pd.read_csv(f, low_memory=False)
        p = p[p[label_col] != label_col]  # repeated header rows inside some day files
        parts.append(p)
    return pd.concat(parts, ignore_index=True)


def clean(df, label_col):
    df = df.drop(columns=[c for c in DROP if c in df.columns])
    feats = [c for c in df.columns if c != label_col]
    df[feats] = df[feats].apply(pd.to_numeric, errors="coerce")
    df[feats] = df[feats].replace([np.inf, -np.inf], np.nan)
    df = df.dropna().drop_duplicates()
    return df


def downsample_benign(df, label_col, benign_label, frac, seed):
    benign = df[df[label_col] == benign_label].sample(frac=frac, random_state=seed)
    attacks = df[df[label_col] != benign_label]
    return pd.concat([benign, attacks]).sample(frac=1.0, random_state=seed).reset_index(drop=True)
