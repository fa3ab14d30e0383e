import random
from contextlib import contextmanager

import numpy as np
import torch


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False


def worker_init_fn(worker_id):
    base = torch.initial_seed() % 2 ** 32
    np.random.seed(base + worker_id)
    random.seed(base + worker_id)


@contextmanager
def evaluating(model):
    """Put the model in eval mode with autograd off; restore the previous mode afterwards."""
    was_training = model.training
    model.eval()
    try:
        with torch.inference_mode():
            yield model
    finally:
        model.train(was_training)
