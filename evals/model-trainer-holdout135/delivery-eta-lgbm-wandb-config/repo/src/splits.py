import pandas as pd


def weekly_holdout(df: pd.DataFrame, ts_col: str, val_weeks: int, test_weeks: int):
    """Last `test_weeks` weeks -> test, the `val_weeks` before that -> validation."""
    end = df[ts_col].max().normalize()
    test_start = end - pd.Timedelta(weeks=test_weeks)
    val_start = test_start - pd.Timedelta(weeks=val_weeks)
    train = df[df[ts_col] < val_start]
    val = df[(df[ts_col] >= val_start) & (df[ts_col] < test_start)]
    test = df[df[ts_col] >= test_start]
    return train, val, test
