import pandas as pd


def load_cycles(cfg):
    df = pd.read_parquet(cfg["data_path"]).sort_values("cycle_end").reset_index(drop=True)
    for c in cfg["categorical"]:
        df[c] = df[c].astype(str)
    return df


def split_by_period(df, periods):
    train_end = pd.Timestamp(periods["train_end"])
    valid_end = pd.Timestamp(periods["valid_end"])
    train = df[df["cycle_end"] <= train_end]
    valid = df[(df["cycle_end"] > train_end) & (df["cycle_end"] <= valid_end)]
    test = df[df["cycle_end"] > valid_end]
    return train, valid, test


def fill_numeric(frames, cols, reference):
    medians = reference[cols].median()
    return [f.assign(**{c: f[c].fillna(medians[c]) for c in cols}) for f in frames]
