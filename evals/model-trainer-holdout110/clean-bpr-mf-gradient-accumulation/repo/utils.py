import os
import random

import numpy as np
import pandas as pd
import torch
import wandb


def seed_everything(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    return torch.Generator().manual_seed(seed)


def init_tracking(cfg: dict):
    wandb.login(key=os.environ["WANDB_API_KEY"])
    return wandb.init(project="bpr-mf-games", config=cfg, mode=os.getenv("WANDB_MODE", "online"))


def leave_last_out(df: pd.DataFrame, user="u", ts="played_at"):
    df = df.sort_values([user, ts], kind="stable")
    from_end = df.groupby(user).cumcount(ascending=False)
    return df[from_end >= 2], df[from_end == 1], df[from_end == 0]
