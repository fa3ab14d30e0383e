import random

import numpy as np
import torch


def fix_seeds(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    return torch.Generator().manual_seed(seed)


def confusion_counts(pred: torch.Tensor, target: torch.Tensor):
    tp = (pred * target).sum().item()
    fp = (pred * (1 - target)).sum().item()
    fn = ((1 - pred) * target).sum().item()
    return tp, fp, fn


def iou_f1(tp, fp, fn):
    return tp / max(tp + fp + fn, 1.0), 2 * tp / max(2 * tp + fp + fn, 1.0)
