import logging

import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score

log = logging.getLogger(__name__)


class Engine:
    def __init__(self, model, optimizer, loss_fn, device, accum_steps=4):
        self.model, self.opt, self.loss_fn, self.device = model.to(device), optimizer, loss_fn, device
        self.accum_steps = accum_steps  # spectra are long; small physical batches, effective batch x4

    def train_one_epoch(self, loader):
        self.model.train()
        self.opt.zero_grad(set_to_none=True)
        running = 0.0
        for step, (x, y) in enumerate(loader, start=1):
            x, y = x.to(self.device), y.to(self.device)
            loss = self.loss_fn(self.model(x), y) / self.accum_steps
            loss.backward()
            running += loss.item() * self.accum_steps
            if step % self.accum_steps == 0 or step == len(loader):
                torch.nn.utils.clip_grad_norm_(self.model.parameters(), 2.0)
                self.opt.step()
                self.opt.zero_grad(set_to_none=True)
        return running / len(loader)

    @torch.inference_mode()
    def predict(self, loader):
        self.model.eval()
        out, ys = [], []
        for x, y in loader:
            out.append(torch.sigmoid(self.model(x.to(self.device))).cpu())
            ys.append(y)
        return torch.cat(out).numpy(), torch.cat(ys).numpy()

    def score(self, loader):
        p, y = self.predict(loader)
        return {"auc": roc_auc_score(y, p), "ap": average_precision_score(y, p)}, p, y
