import os
import random

import numpy as np
import torch


def set_seed(seed: int) -> torch.Generator:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.benchmark = False
    torch.backends.cudnn.deterministic = True
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def split_subjects(subjects, val_fraction, test_fraction, seed):
    rng = np.random.default_rng(seed)
    subjects = rng.permutation(subjects)
    n_test = int(round(len(subjects) * test_fraction))
    n_val = int(round(len(subjects) * val_fraction))
    return subjects[n_test + n_val:], subjects[n_test:n_test + n_val], subjects[:n_test]
