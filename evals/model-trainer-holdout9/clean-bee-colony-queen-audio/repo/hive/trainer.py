import logging

import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model, optimizer, device, ckpt_path, patience):
        self.model = model.to(device)
        self.opt = optimizer
        self.device = device
        self.ckpt_path = ckpt_path
        self.patience = patience
        self.loss_fn = torch.nn.BCEWithLogitsLoss()

    def _step(self, x, y):
        self.opt.zero_grad(set_to_none=True)
        loss = self.loss_fn(self.model(x), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), 5.0)
        self.opt.step()
        return loss.item()

    def train_epoch(self, loader):
        self.model.train()
        losses = [self._step(x.to(self.device), y.to(self.device)) for x, y in loader]
        return float(np.mean(losses))

    def evaluate(self, loader):
        self.model.eval()
        probs, ys, losses = [], [], []
        with torch.inference_mode():
            for x, y in loader:
                logits = self.model(x.to(self.device))
                losses.append(self.loss_fn(logits, y.to(self.device)).item())
                probs.append(torch.sigmoid(logits).cpu())
                ys.append(y)
        p, t = torch.cat(probs).numpy(), torch.cat(ys).numpy()
        return {
            "loss": float(np.mean(losses)),
            "roc_auc": roc_auc_score(t, p),
            "f1": f1_score(t, p >= 0.5),
            "accuracy": accuracy_score(t, p >= 0.5),
        }

    def fit(self, train_loader, val_loader, epochs):
        best, waited = float("inf"), 0
        for epoch in range(epochs):
            tr_loss = self.train_epoch(train_loader)
            val = self.evaluate(val_loader)
            log.info("epoch %d train_loss %.4f val %s", epoch, tr_loss, val)
            if val["loss"] < best:
                best, waited = val["loss"], 0
                torch.save(self.model.state_dict(), self.ckpt_path)
            else:
                waited += 1
                if waited >= self.patience:
                    log.info("early stop at epoch %d", epoch)
                    break
        self.model.load_state_dict(torch.load(self.ckpt_path, map_location=self.device))
        return best
