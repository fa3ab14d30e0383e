import logging

import torch

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model, optimizer, loss_fn, device, ckpt_path, patience=15):
        self.model = model.to(device)
        self.opt = optimizer
        self.loss_fn = loss_fn
        self.device = device
        self.ckpt_path = ckpt_path
        self.patience = patience

    def train_epoch(self, loader):
        self.model.train()
        total = 0.0
        for xb, yb in loader:
            xb, yb = xb.to(self.device), yb.to(self.device)
            self.opt.zero_grad(set_to_none=True)
            loss = self.loss_fn(self.model(xb), yb)
            loss.backward()
            self.opt.step()
            total += loss.item() * len(yb)
        return total / len(loader.dataset)

    def evaluate(self, loader):
        abs_err, sq_err, n = 0.0, 0.0, 0
        for xb, yb in loader:
            xb, yb = xb.to(self.device), yb.to(self.device)
            pred = self.model(xb)
            abs_err += (pred - yb).abs().sum().item()
            sq_err += ((pred - yb) ** 2).sum().item()
            n += len(yb)
        return {"mae": abs_err / n, "rmse": (sq_err / n) ** 0.5}

    def fit(self, train_loader, val_loader, max_epochs):
        best, bad = float("inf"), 0
        for epoch in range(max_epochs):
            tr_loss = self.train_epoch(train_loader)
            val = self.evaluate(val_loader)
            log.info("epoch %d train %.4f val_mae %.4f", epoch, tr_loss, val["mae"])
            if val["mae"] < best:
                best, bad = val["mae"], 0
                torch.save(self.model.state_dict(), self.ckpt_path)
            else:
                bad += 1
                if bad >= self.patience:
                    log.info("early stop at epoch %d", epoch)
                    break
        self.model.load_state_dict(torch.load(self.ckpt_path))
        return best
