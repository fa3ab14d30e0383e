import pandas as pd

LABEL_WINDOW = pd.Timedelta(days=7)


def signup_splits(df: pd.DataFrame, date_col: str, valid_from: str, test_from: str):
    """train: signups before valid_from, valid: [valid_from, test_from), test: from test_from on.

    Labels look 7 days ahead, so the last week before each boundary is dropped.
    """
    dates = df[date_col]
    valid_from, test_from = pd.Timestamp(valid_from), pd.Timestamp(test_from)
    train = df[dates < valid_from - LABEL_WINDOW]
    valid = df[(dates >= valid_from) & (dates < test_from - LABEL_WINDOW)]
    test = df[dates >= test_from]
    return train, valid, test
