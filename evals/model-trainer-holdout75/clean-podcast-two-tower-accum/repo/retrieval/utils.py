import os
import random
from pathlib import Path

import numpy as np
import torch


def seed_everything(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    gen = torch.Generator()
    gen.manual_seed(seed)
    return gen


def save_checkpoint(model, optimizer, epoch, metric, ckpt_dir):
    path = Path(ckpt_dir)
    path.mkdir(parents=True, exist_ok=True)
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                "epoch": epoch, "metric": metric}, path / "best.pt")
    return path / "best.pt"
