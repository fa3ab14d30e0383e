"""Well-aware splitting utilities."""
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit


def hold_out_wells(df: pd.DataFrame, group_col: str, n_test_wells: int):
    """Return (train, test) with `n_test_wells` complete wells held out for testing."""
    n_wells = df[group_col].nunique()
    splitter = GroupShuffleSplit(n_splits=1, test_size=n_test_wells / n_wells)
    train_idx, test_idx = next(splitter.split(df, groups=df[group_col]))
    train, test = df.iloc[train_idx], df.iloc[test_idx]
    assert set(train[group_col]).isdisjoint(test[group_col])
    return train.reset_index(drop=True), test.reset_index(drop=True)


def describe_split(train, test, group_col, target):
    rows = []
    for name, part in (("train", train), ("test", test)):
        rows.append({
            "set": name,
            "wells": ", ".join(sorted(part[group_col].unique())),
            "samples": len(part),
            "n_facies": part[target].nunique(),
        })
    return pd.DataFrame(rows)
