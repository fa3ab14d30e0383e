from sklearn.model_selection import train_test_split


def holdout_split(df, label: str, fraction: float):
    train, holdout = train_test_split(df, test_size=fraction, stratify=df[label])
    return train.reset_index(drop=True), holdout.reset_index(drop=True)
