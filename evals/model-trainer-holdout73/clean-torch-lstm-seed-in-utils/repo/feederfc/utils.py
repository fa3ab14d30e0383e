import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch


@dataclass
class Config:
    data_path: str
    train_end: str
    valid_end: str
    lookback: int
    horizon: int
    hidden: int
    layers: int
    dropout: float
    batch_size: int
    lr: float
    max_epochs: int
    patience: int
    seed: int
    checkpoint_dir: str

    @classmethod
    def from_json(cls, path: str) -> "Config":
        return cls(**json.loads(Path(path).read_text()))


def seed_everything(seed: int) -> torch.Generator:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False
    g = torch.Generator()
    g.manual_seed(seed)
    return g
