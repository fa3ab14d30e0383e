import logging

import torch
from torch import nn

from .utils import evaluating

log = logging.getLogger(__name__)


class DriftNet(nn.Module):
    def __init__(self, n_in, n_ranks=12, hidden=128):
        super().__init__()
        self.rank = nn.Embedding(n_ranks, 8)
        self.body = nn.Sequential(nn.Linear(n_in + 8, hidden), nn.LayerNorm(hidden), nn.SiLU(), nn.Dropout(0.15),
                                  nn.Linear(hidden, 1))

    def forward(self, x, r):
        return self.body(torch.cat([x, self.rank(r)], -1)).squeeze(-1)


def mean_abs_error(model, loader):
    err, n = 0.0, 0
    with evaluating(model):
        for x, r, y in loader:
            err += (model(x, r) - y).abs().sum().item()
            n += y.numel()
    return err / n


def train(model, train_loader, val_loader, epochs, lr, accum_steps, patience, ckpt_path):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    loss_fn = nn.L1Loss()
    best, stale = float("inf"), 0
    for epoch in range(epochs):
        model.train()
        model.zero_grad(set_to_none=True)
        for step, (x, r, y) in enumerate(train_loader, start=1):
            loss = loss_fn(model(x, r), y) / accum_steps
            loss.backward()
            if step % accum_steps == 0 or step == len(train_loader):
                opt.step()
                model.zero_grad(set_to_none=True)
        val = mean_abs_error(model, val_loader)
        log.info("epoch %03d val MAE %.2f cents", epoch, val)
        if val < best:
            best, stale = val, 0
            torch.save({"epoch": epoch, "state": model.state_dict()}, ckpt_path)
        else:
            stale += 1
            if stale > patience:
                break
    model.load_state_dict(torch.load(ckpt_path)["state"])
    return best
