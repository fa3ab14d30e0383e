import pandas as pd
from sklearn.model_selection import train_test_split

from .config import ID_COLS, SEED, SPLIT, TARGET


def three_way_split(df: pd.DataFrame):
    """train / valid / test, all stratified on the label. valid is carved out of the non-test part."""
    rest, test = train_test_split(df, test_size=SPLIT["test"], stratify=df[TARGET], random_state=SEED)
    valid_share = SPLIT["valid"] / (1 - SPLIT["test"])
    train, valid = train_test_split(rest, test_size=valid_share, stratify=rest[TARGET], random_state=SEED)
    return train, valid, test


def features_and_label(df: pd.DataFrame):
    X = df.drop(columns=ID_COLS + [TARGET])
    return X, df[TARGET].to_numpy()
