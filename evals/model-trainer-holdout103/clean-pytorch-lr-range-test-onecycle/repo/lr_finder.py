"""Leslie Smith style LR range test on training batches (fastai-like)."""
import copy
import math

import numpy as np
import torch


def lr_range_test(model, loader, criterion, device, start_lr=1e-6, end_lr=1.0, num_iters=100,
                  weight_decay=0.0, beta=0.98):
    probe = copy.deepcopy(model).to(device)
    probe.train()
    opt = torch.optim.SGD(probe.parameters(), lr=start_lr, momentum=0.9, weight_decay=weight_decay)
    gamma = (end_lr / start_lr) ** (1 / num_iters)
    lrs, losses = [], []
    avg, best = 0.0, math.inf
    it = iter(loader)
    for i in range(1, num_iters + 1):
        try:
            x, y = next(it)
        except StopIteration:
            it = iter(loader)
            x, y = next(it)
        x, y = x.to(device), y.to(device)
        opt.zero_grad()
        loss = criterion(probe(x), y)
        loss.backward()
        opt.step()

        avg = beta * avg + (1 - beta) * loss.item()
        smoothed = avg / (1 - beta ** i)
        lrs.append(opt.param_groups[0]["lr"])
        losses.append(smoothed)
        best = min(best, smoothed)
        if smoothed > 4 * best:
            break
        for g in opt.param_groups:
            g["lr"] *= gamma
    return np.array(lrs), np.array(losses)


def suggest_lr(lrs, losses, skip_start=10, skip_end=5):
    lrs, losses = lrs[skip_start:-skip_end], losses[skip_start:-skip_end]
    grads = np.gradient(losses, np.log10(lrs))
    return float(lrs[np.argmin(grads)])
