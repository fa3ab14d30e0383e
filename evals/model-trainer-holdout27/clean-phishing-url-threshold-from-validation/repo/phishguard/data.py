import pandas as pd
from sklearn.model_selection import train_test_split


def load_urls(path: str) -> pd.DataFrame:
    df = pd.read_csv(path).drop_duplicates(subset="url")
    df["is_phish"] = (df["label"] == "phishing").astype(int)
    return df.reset_index(drop=True)


def split_three(df, test_size, val_size, seed):
    dev, test = train_test_split(df, test_size=test_size, stratify=df["is_phish"], random_state=seed)
    train, val = train_test_split(
        dev, test_size=val_size / (1 - test_size), stratify=dev["is_phish"], random_state=seed
    )
    return train, val, test
