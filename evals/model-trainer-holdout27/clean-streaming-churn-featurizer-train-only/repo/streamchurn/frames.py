import pandas as pd
from sklearn.model_selection import train_test_split


def read_accounts(path: str, label: str) -> pd.DataFrame:
    frame = pd.read_parquet(path)
    frame = frame[frame["tenure_months"] >= 1]
    frame[label] = frame[label].astype("int8")
    return frame.reset_index(drop=True)


def split_frames(frame: pd.DataFrame, label: str, test: float, valid: float, seed: int):
    dev, test_frame = train_test_split(frame, test_size=test, stratify=frame[label], random_state=seed)
    train_frame, valid_frame = train_test_split(
        dev, test_size=valid / (1 - test), stratify=dev[label], random_state=seed
    )
    return train_frame, valid_frame, test_frame
