import contextlib
import os
import random

import numpy as np
import torch


def setup_run(cfg):
    """Seed every RNG we touch and make cuDNN deterministic; returns the device."""
    seed = int(cfg.run.seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False
    os.makedirs(cfg.run.out_dir, exist_ok=True)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


@contextlib.contextmanager
def inference(model):
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            yield model
    finally:
        model.train(was_training)


def loader_generator(cfg):
    return torch.Generator().manual_seed(int(cfg.run.seed))
