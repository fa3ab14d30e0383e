import pandas as pd


def time_splits(df: pd.DataFrame, cfg: dict, date_col: str = "snapshot_date"):
    """Train / valid / test by snapshot date.

    A snapshot's label looks `label_horizon_days` ahead, so the last days before each boundary
    are dropped from the earlier split: otherwise its label window overlaps the next period.
    """
    horizon = pd.Timedelta(days=cfg["label_horizon_days"])
    d = df[date_col]
    valid_start = pd.Timestamp(cfg["valid_start"])
    test_start = pd.Timestamp(cfg["test_start"])

    train = df[(d >= cfg["train_start"]) & (d < valid_start - horizon)]
    valid = df[(d >= valid_start) & (d < test_start - horizon)]
    test = df[(d >= test_start) & (d <= cfg["test_end"])]
    return train, valid, test
