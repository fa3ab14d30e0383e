import logging
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import balanced_accuracy_score, f1_score
from torch import nn

from gestures.utils import inference

log = logging.getLogger(__name__)


class Engine:
    def __init__(self, model, lr, device):
        self.model, self.device = model.to(device), device
        self.optim = torch.optim.Adam(model.parameters(), lr=lr)
        self.criterion = nn.CrossEntropyLoss(label_smoothing=0.05)

    def _step(self, xb, yb) -> float:
        self.optim.zero_grad(set_to_none=True)
        loss = self.criterion(self.model(xb), yb)
        loss.backward()
        self.optim.step()
        return loss.item()

    def run_epoch(self, loader) -> float:
        self.model.train()
        losses = [self._step(xb.to(self.device), yb.to(self.device)) for xb, yb in loader]
        return float(np.mean(losses))

    def predict(self, loader):
        out, gold = [], []
        with inference(self.model):
            for xb, yb in loader:
                out.append(self.model(xb.to(self.device)).argmax(1).cpu().numpy())
                gold.append(yb.numpy())
        return np.concatenate(gold), np.concatenate(out)

    def score(self, loader) -> dict:
        y, p = self.predict(loader)
        return {"macro_f1": f1_score(y, p, average="macro"), "bal_acc": balanced_accuracy_score(y, p)}

    def fit(self, train_loader, val_loader, max_epochs, patience, ckpt: str):
        Path(ckpt).parent.mkdir(parents=True, exist_ok=True)
        best, bad = -1.0, 0
        for epoch in range(max_epochs):
            loss = self.run_epoch(train_loader)
            val = self.score(val_loader)
            log.info("epoch %3d loss %.4f val macro-F1 %.4f bal-acc %.4f", epoch, loss, val["macro_f1"], val["bal_acc"])
            if val["macro_f1"] > best:
                best, bad = val["macro_f1"], 0
                torch.save(self.model.state_dict(), ckpt)
            else:
                bad += 1
                if bad >= patience:
                    log.info("early stop at epoch %d (best val macro-F1 %.4f)", epoch, best)
                    break
        self.model.load_state_dict(torch.load(ckpt, map_location=self.device))
        return best
