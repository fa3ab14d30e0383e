import numpy as np
import pandas as pd
import torch
from torch.utils.data import TensorDataset


def leave_last_out(ratings: pd.DataFrame, n_last: int = 2):
    """Per user: the latest `n_last` ratings go to test, the one before them to validation."""
    ratings = ratings.sort_values(["user_id", "timestamp"])
    rank_from_end = ratings.groupby("user_id").cumcount(ascending=False)
    test = ratings[rank_from_end < n_last]
    val = ratings[rank_from_end == n_last]
    train = ratings[rank_from_end > n_last]
    return train, val, test


def index_maps(train: pd.DataFrame):
    users = {u: i for i, u in enumerate(train["user_id"].unique())}
    items = {m: i for i, m in enumerate(train["movie_id"].unique())}
    return users, items


def to_dataset(frame, users, items):
    known = frame["user_id"].isin(users) & frame["movie_id"].isin(items)
    frame = frame[known]
    return TensorDataset(
        torch.tensor(frame["user_id"].map(users).to_numpy(), dtype=torch.long),
        torch.tensor(frame["movie_id"].map(items).to_numpy(), dtype=torch.long),
        torch.tensor(frame["rating"].to_numpy(np.float32)),
    )
