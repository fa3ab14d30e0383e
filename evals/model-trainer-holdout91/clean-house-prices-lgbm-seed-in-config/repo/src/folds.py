import pandas as pd
from sklearn.model_selection import KFold


def make_folds(df: pd.DataFrame, n_splits: int, seed: int) -> pd.DataFrame:
    """Attach a `kfold` column so every model in the project uses identical folds."""
    df = df.copy()
    df["kfold"] = -1
    kf = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    for fold, (_, va_idx) in enumerate(kf.split(df)):
        df.loc[va_idx, "kfold"] = fold
    return df
