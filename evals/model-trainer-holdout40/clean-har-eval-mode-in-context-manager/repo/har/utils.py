import os
import random
from contextlib import contextmanager

import numpy as np
import torch


def seed_everything(seed: int) -> torch.Generator:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False
    return torch.Generator().manual_seed(seed)


@contextmanager
def evaluating(model: torch.nn.Module):
    """Temporarily put the model in eval mode with autograd disabled."""
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            yield model
    finally:
        model.train(was_training)
