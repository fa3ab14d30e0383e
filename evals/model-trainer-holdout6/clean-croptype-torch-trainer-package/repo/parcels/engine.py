import copy
import logging

import numpy as np
import torch
from sklearn.metrics import cohen_kappa_score, f1_score

logger = logging.getLogger(__name__)


class Engine:
    def __init__(self, model, optimizer, criterion, device="cpu", patience=10, ckpt_path="best_tempcnn.pt"):
        self.model, self.optimizer, self.criterion = model.to(device), optimizer, criterion
        self.device, self.patience, self.ckpt_path = device, patience, ckpt_path
        self.best_state = None

    def _step(self, xb, yb):
        self.optimizer.zero_grad(set_to_none=True)
        loss = self.criterion(self.model(xb), yb)
        loss.backward()
        self.optimizer.step()
        return loss.detach()

    def run_epoch(self, loader):
        self.model.train(True)
        losses = [self._step(xb.to(self.device), yb.to(self.device)) for xb, yb in loader]
        return torch.stack(losses).mean().item()

    def predict(self, loader):
        self.model.train(False)
        out, gold = [], []
        with torch.inference_mode():
            for xb, yb in loader:
                out.append(self.model(xb.to(self.device)).softmax(-1).cpu())
                gold.append(yb)
        return torch.cat(out).numpy(), torch.cat(gold).numpy()

    @staticmethod
    def metrics(proba, gold):
        pred = proba.argmax(1)
        return {"oa": float((pred == gold).mean()), "macro_f1": f1_score(gold, pred, average="macro"),
                "kappa": cohen_kappa_score(gold, pred)}

    def fit(self, train_loader, val_loader, max_epochs=200):
        best_f1, stale = -np.inf, 0
        for epoch in range(max_epochs):
            tr_loss = self.run_epoch(train_loader)
            val = self.metrics(*self.predict(val_loader))
            logger.info("ep %d loss %.4f val %s", epoch, tr_loss, val)
            if val["macro_f1"] > best_f1:
                best_f1, stale = val["macro_f1"], 0
                self.best_state = copy.deepcopy(self.model.state_dict())
                torch.save(self.best_state, self.ckpt_path)
            else:
                stale += 1
                if stale >= self.patience:
                    break
        self.model.load_state_dict(self.best_state)
        return best_f1
