import random

import numpy as np
import torch


def seed_all(seed: int):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


def jet_observables(X):
    """Per-jet observables from constituents (pt, y, phi, pid); zero-padded rows have pt == 0."""
    pt, rap, phi = X[..., 0], X[..., 1], X[..., 2]
    mask = pt > 0
    pt_sum = pt.sum(axis=1)
    y_c = (pt * rap).sum(axis=1) / pt_sum
    phi_c = (pt * phi).sum(axis=1) / pt_sum
    dr = np.sqrt((rap - y_c[:, None]) ** 2 + (phi - phi_c[:, None]) ** 2) * mask
    z = pt / pt_sum[:, None]
    return np.column_stack([
        mask.sum(axis=1),                       # constituent multiplicity
        np.log(pt_sum),
        (z * dr).sum(axis=1),                   # girth / width
        (z ** 2).sum(axis=1),                   # pT dispersion
        (z * dr ** 2).sum(axis=1),
        np.sort(z, axis=1)[:, -1],              # leading constituent fraction
        np.sqrt((z * dr ** 2).sum(axis=1)),
    ]).astype(np.float32)
