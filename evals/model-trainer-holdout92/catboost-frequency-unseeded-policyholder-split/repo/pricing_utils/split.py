"""Policyholder-level splitting: all policy-years of one rider stay on the same side."""
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit


def policyholder_split(df: pd.DataFrame, test_size: float, group_col: str = "policyholder_id"):
    splitter = GroupShuffleSplit(n_splits=1, test_size=test_size)
    train_idx, test_idx = next(splitter.split(df, groups=df[group_col]))
    return df.iloc[train_idx].reset_index(drop=True), df.iloc[test_idx].reset_index(drop=True)


def describe_split(name: str, df: pd.DataFrame) -> str:
    return (f"{name:>6s}: {df['policyholder_id'].nunique():>7,} riders, "
            f"{df['exposure'].sum():>10,.0f} years, freq {df['claim_count'].sum() / df['exposure'].sum():.4f}")
