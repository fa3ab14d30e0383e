import pandas as pd
from sklearn.model_selection import train_test_split


def holdout_split(df: pd.DataFrame, target: str, test_size: float):
    """Stratified holdout so the ~16% leaver rate is preserved in both parts."""
    train_df, test_df = train_test_split(df, test_size=test_size, stratify=df[target])
    return train_df.reset_index(drop=True), test_df.reset_index(drop=True)
