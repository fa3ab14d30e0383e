import os
import random

import numpy as np
import torch
import torch.nn.functional as F


def seed_everything(seed: int) -> None:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def embed(encoder, loader, device):
    was_training = encoder.training
    encoder.eval()
    feats, labels = [], []
    for x, y in loader:
        feats.append(F.normalize(encoder(x.to(device, non_blocking=True)), dim=1))
        labels.append(y.to(device))
    encoder.train(was_training)
    return torch.cat(feats), torch.cat(labels)


@torch.no_grad()
def knn_accuracy(bank, bank_labels, queries, query_labels, k=200, t=0.1, n_classes=10):
    """Weighted kNN (Wu et al. 2018) on L2-normalised features."""
    sim = queries @ bank.T
    w, idx = sim.topk(k, dim=1)
    w = (w / t).exp()
    one_hot = F.one_hot(bank_labels[idx], n_classes).float()
    scores = (one_hot * w.unsqueeze(-1)).sum(1)
    return (scores.argmax(1) == query_labels).float().mean().item()
