import pandas as pd
from sklearn.model_selection import GroupShuffleSplit


def new_merchant_split(df: pd.DataFrame, merchant_col: str, frac: float):
    """Hold out entire merchants: measures how we do on merchants never seen in training,
    which is what matters for the long tail of small independent shops."""
    splitter = GroupShuffleSplit(n_splits=1, test_size=frac)
    tr, te = next(splitter.split(df, groups=df[merchant_col]))
    train, test = df.iloc[tr], df.iloc[te]
    assert not set(train[merchant_col]) & set(test[merchant_col])
    return train, test


def seen_merchant_rate(train: pd.DataFrame, test: pd.DataFrame, merchant_col: str) -> float:
    return float(test[merchant_col].isin(set(train[merchant_col])).mean())
