import os
import random

import numpy as np
import torch
import torch.nn as nn


def seed_everything(seed):
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


class TCN(nn.Module):
    def __init__(self, n_in, channels, kernel, dropout):
        super().__init__()
        layers, c_prev = [], n_in
        for i, c in enumerate(channels):
            layers += [nn.Conv1d(c_prev, c, kernel, padding=(kernel - 1) * 2 ** i, dilation=2 ** i),
                       nn.BatchNorm1d(c), nn.ReLU(), nn.Dropout(dropout)]
            c_prev = c
        self.net = nn.Sequential(*layers)
        self.head = nn.Linear(c_prev, 1)

    def forward(self, x):  # x: (B, T, C)
        h = self.net(x.transpose(1, 2))
        return self.head(h.mean(dim=-1)).squeeze(-1)
