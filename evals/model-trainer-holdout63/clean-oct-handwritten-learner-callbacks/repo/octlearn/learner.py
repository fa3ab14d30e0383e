"""Minimal fastai-flavoured Learner with callbacks (early stopping, best-model saving)."""
from contextlib import contextmanager

import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score


@contextmanager
def evaluating(model):
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            yield model
    finally:
        model.train(was_training)


class EarlyStoppingCallback:
    def __init__(self, patience):
        self.patience, self.best, self.wait = patience, -np.inf, 0

    def after_epoch(self, learn, metrics):
        if metrics["macro_f1"] > self.best:
            self.best, self.wait = metrics["macro_f1"], 0
        else:
            self.wait += 1
            learn.stop = self.wait >= self.patience


class SaveBestCallback:
    def __init__(self, path):
        self.path, self.best = path, -np.inf

    def after_epoch(self, learn, metrics):
        if metrics["macro_f1"] > self.best:
            self.best = metrics["macro_f1"]
            torch.save(learn.model.state_dict(), self.path)


class Learner:
    def __init__(self, model, train_dl, valid_dl, loss_func, opt, device, cbs=()):
        self.model, self.train_dl, self.valid_dl = model.to(device), train_dl, valid_dl
        self.loss_func, self.opt, self.device, self.cbs = loss_func, opt, device, list(cbs)
        self.stop = False

    def one_batch(self, xb, yb):
        loss = self.loss_func(self.model(xb), yb)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()

    def get_preds(self, dl):
        preds, targs = [], []
        with evaluating(self.model) as m:
            for xb, yb in dl:
                preds.append(m(xb.to(self.device)).argmax(1).cpu())
                targs.append(yb)
        return torch.cat(targs).numpy(), torch.cat(preds).numpy()

    def validate(self, dl=None):
        y, p = self.get_preds(dl or self.valid_dl)
        return {"accuracy": accuracy_score(y, p), "macro_f1": f1_score(y, p, average="macro")}

    def fit(self, epochs, sched=None):
        for epoch in range(epochs):
            self.model.train()
            losses = [self.one_batch(xb.to(self.device), yb.to(self.device)) for xb, yb in self.train_dl]
            if sched is not None:
                sched.step()
            metrics = self.validate()
            print(f"epoch {epoch}: train_loss={np.mean(losses):.4f} "
                  f"valid_acc={metrics['accuracy']:.4f} valid_f1={metrics['macro_f1']:.4f}")
            for cb in self.cbs:
                cb.after_epoch(self, metrics)
            if self.stop:
                break
