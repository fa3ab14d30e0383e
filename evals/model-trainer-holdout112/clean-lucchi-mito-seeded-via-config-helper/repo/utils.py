import os
import random

import numpy as np
import torch


def seed_everything(seed: int, deterministic: bool = False) -> torch.Generator:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    if deterministic:
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False
    return torch.Generator().manual_seed(seed)


def worker_init(worker_id: int) -> None:
    s = torch.initial_seed() % 2**32
    np.random.seed(s)
    random.seed(s)


def foreground_jaccard(model, volume, labels, device, batch_size=8):
    """Slice-wise prediction over a whole stack; Jaccard of the mitochondria class over all voxels."""
    model.eval()
    inter = union = 0
    with torch.no_grad():
        for i in range(0, len(volume), batch_size):
            x = torch.from_numpy(volume[i:i + batch_size, None]).to(device)
            pred = (torch.sigmoid(model(x)) > 0.5).cpu().numpy()[:, 0]
            gt = labels[i:i + batch_size] > 0
            inter += np.logical_and(pred, gt).sum()
            union += np.logical_or(pred, gt).sum()
    return inter / max(union, 1)
