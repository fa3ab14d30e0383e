import random

import numpy as np
import torch
from torch_geometric import seed_everything


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    seed_everything(seed)
