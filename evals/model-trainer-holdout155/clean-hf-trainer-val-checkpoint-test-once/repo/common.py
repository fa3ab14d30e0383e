import os
import random

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import StratifiedGroupKFold


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


def split_by_customer(df: pd.DataFrame, seed: int):
    """~80/10/10 by customer, stratified on category as far as groups allow."""
    sgkf = StratifiedGroupKFold(n_splits=10, shuffle=True, random_state=seed)
    folds = np.empty(len(df), dtype=int)
    for k, (_, idx) in enumerate(sgkf.split(df, df["category"], groups=df["customer_id"])):
        folds[idx] = k
    return df[folds < 8], df[folds == 8], df[folds == 9]


def build_text(df: pd.DataFrame) -> pd.Series:
    direction = pd.Series(np.where(df["amount"] < 0, "out", "in"), index=df.index)
    return direction + " " + df["amount"].abs().round(0).astype(int).astype(str) + " " + df["description"].str.strip()
