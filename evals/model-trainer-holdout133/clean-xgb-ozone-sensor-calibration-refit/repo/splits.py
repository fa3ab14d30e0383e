import pandas as pd


def chronological(df, time_col, val_days, test_days):
    """Last `test_days` -> test, the `val_days` before that -> validation, rest -> train."""
    end = df[time_col].max()
    test_start = end - pd.Timedelta(days=test_days)
    val_start = test_start - pd.Timedelta(days=val_days)
    train = df[df[time_col] < val_start]
    val = df[(df[time_col] >= val_start) & (df[time_col] < test_start)]
    test = df[df[time_col] >= test_start]
    return train, val, test


def describe(name, part, time_col):
    print(f"{name:5s} {part[time_col].min():%Y-%m-%d} .. {part[time_col].max():%Y-%m-%d}  n={len(part)}")
