import logging

import numpy as np
import torch
from sklearn.metrics import balanced_accuracy_score, f1_score

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model, optimizer, loss_fn, device, ckpt_path, patience=5):
        self.model = model.to(device)
        self.opt = optimizer
        self.loss_fn = loss_fn
        self.device = device
        self.ckpt_path = ckpt_path
        self.patience = patience

    def train_epoch(self, loader):
        self.model.train()
        total = 0.0
        for img, sens, y in loader:
            img, sens, y = img.to(self.device), sens.to(self.device), y.to(self.device)
            self.opt.zero_grad()
            loss = self.loss_fn(self.model(img, sens), y)
            loss.backward()
            self.opt.step()
            total += loss.item() * len(y)
        return total / len(loader.dataset)

    def evaluate(self, loader):
        preds, gold, total = [], [], 0.0
        for img, sens, y in loader:
            img, sens, y = img.to(self.device), sens.to(self.device), y.to(self.device)
            logits = self.model(img, sens)
            total += self.loss_fn(logits, y).item() * len(y)
            preds.append(logits.argmax(1).cpu().numpy())
            gold.append(y.cpu().numpy())
        p, g = np.concatenate(preds), np.concatenate(gold)
        return {
            "loss": total / len(loader.dataset),
            "macro_f1": f1_score(g, p, average="macro"),
            "bal_acc": balanced_accuracy_score(g, p),
        }

    def fit(self, train_loader, val_loader, epochs):
        best, bad = -1.0, 0
        for ep in range(epochs):
            tr_loss = self.train_epoch(train_loader)
            val = self.evaluate(val_loader)
            log.info("epoch %d train_loss %.4f val %s", ep, tr_loss, val)
            if val["macro_f1"] > best:
                best, bad = val["macro_f1"], 0
                torch.save(self.model.state_dict(), self.ckpt_path)
            else:
                bad += 1
                if bad >= self.patience:
                    log.info("early stop at epoch %d", ep)
                    break
        self.model.load_state_dict(torch.load(self.ckpt_path))
        return best
