import torch
import torch.nn as nn


def decode_argmax(hm):
    n, k, h, w = hm.shape
    idx = hm.flatten(2).argmax(-1)
    return torch.stack([idx % w, idx // w], -1).float()


class JointsMSELoss(nn.Module):
    def forward(self, pred, target, weight):
        # weight: (N, K, 1) visibility mask
        return (((pred - target) ** 2).mean(dim=(2, 3), keepdim=False) * weight.squeeze(-1)).mean() * 0.5
