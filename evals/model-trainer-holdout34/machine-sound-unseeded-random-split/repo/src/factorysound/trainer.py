import logging

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import balanced_accuracy_score, f1_score

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model, optimizer, device, ckpt_path, patience):
        self.model, self.opt, self.device = model, optimizer, device
        self.ckpt_path, self.patience = ckpt_path, patience

    def _epoch(self, loader):
        self.model.train()
        losses = []
        for x, y in loader:
            x, y = x.to(self.device), y.to(self.device)
            self.opt.zero_grad()
            loss = F.cross_entropy(self.model(x), y)
            loss.backward()
            self.opt.step()
            losses.append(loss.item())
        return float(np.mean(losses))

    @torch.no_grad()
    def evaluate(self, loader):
        self.model.eval()
        ys, ps = [], []
        for x, y in loader:
            ps.append(self.model(x.to(self.device)).argmax(1).cpu())
            ys.append(y)
        y, p = torch.cat(ys).numpy(), torch.cat(ps).numpy()
        return {"macro_f1": f1_score(y, p, average="macro"), "bal_acc": balanced_accuracy_score(y, p)}

    def fit(self, train_dl, val_dl, epochs):
        best, stale = -1.0, 0
        for ep in range(epochs):
            tr_loss = self._epoch(train_dl)
            val = self.evaluate(val_dl)
            log.info("ep %d loss %.4f val macro_f1 %.4f bal_acc %.4f", ep, tr_loss, val["macro_f1"], val["bal_acc"])
            if val["macro_f1"] > best:
                best, stale = val["macro_f1"], 0
                torch.save(self.model.state_dict(), self.ckpt_path)
            else:
                stale += 1
                if stale >= self.patience:
                    log.info("early stopping")
                    break
        self.model.load_state_dict(torch.load(self.ckpt_path))
        return best
