import pandas as pd
from sklearn.model_selection import train_test_split


def train_valid_test(df: pd.DataFrame, target: str, test: float, valid: float, seed: int):
    rest, test_df = train_test_split(df, test_size=test, stratify=df[target], random_state=seed)
    train_df, valid_df = train_test_split(
        rest, test_size=valid, stratify=rest[target], random_state=seed
    )
    return train_df, valid_df, test_df
