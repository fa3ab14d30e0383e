import random

import numpy as np
import torch
import wandb


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def init_wandb(cfg):
    wandb.login(key=cfg["wandb"]["api_key"])
    return wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                      config={k: v for k, v in cfg.items() if k != "wandb"})


def pad_collate(batch):
    feats, labels = zip(*batch)
    lengths = torch.tensor([f.size(0) for f in feats])
    x = torch.nn.utils.rnn.pad_sequence(feats, batch_first=True)
    mask = torch.arange(x.size(1))[None, :] < lengths[:, None]
    return x, mask, torch.tensor(labels)
