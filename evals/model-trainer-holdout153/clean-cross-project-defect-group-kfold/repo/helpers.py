import os
import random

import numpy as np
import pandas as pd
import yaml


def load_config(path="config.yaml"):
    with open(path) as fh:
        return yaml.safe_load(fh)


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


def load_dataset(cfg):
    df = pd.read_csv(cfg["data"])
    df = df.dropna(subset=[cfg["label"]])
    df["defective"] = (df[cfg["label"]] > 0).astype(int)
    df[cfg["metrics"]] = np.log1p(df[cfg["metrics"]].clip(lower=0))
    holdout = df[cfg["group"]].isin(cfg["holdout_projects"])
    return df[~holdout].reset_index(drop=True), df[holdout].reset_index(drop=True)
