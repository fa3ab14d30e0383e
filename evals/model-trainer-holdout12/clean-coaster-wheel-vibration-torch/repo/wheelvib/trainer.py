import logging
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import balanced_accuracy_score, f1_score

log = logging.getLogger(__name__)


class Trainer:
    """Plain PyTorch loop with gradient accumulation, AMP, early stopping and best-checkpointing."""

    def __init__(self, model, optimizer, criterion, device, out_dir, accum_steps=4, patience=8):
        self.model, self.opt, self.crit, self.device = model.to(device), optimizer, criterion, device
        self.accum = accum_steps
        self.patience = patience
        self.scaler = torch.cuda.amp.GradScaler(enabled=(device.type == "cuda"))
        self.best_path = Path(out_dir) / "vibnet_best.pt"
        self.best_path.parent.mkdir(parents=True, exist_ok=True)

    def _train_one_epoch(self, loader):
        self.model.train()
        self.opt.zero_grad(set_to_none=True)
        running = 0.0
        for step, (x, y) in enumerate(loader, start=1):
            x, y = x.to(self.device), y.to(self.device)
            with torch.autocast(device_type=self.device.type, enabled=(self.device.type == "cuda")):
                loss = self.crit(self.model(x), y) / self.accum
            self.scaler.scale(loss).backward()
            if step % self.accum == 0 or step == len(loader):
                self.scaler.step(self.opt)
                self.scaler.update()
                self.opt.zero_grad(set_to_none=True)
            running += loss.item() * self.accum
        return running / len(loader)

    @torch.inference_mode()
    def predict(self, loader):
        self.model.eval()
        ys, ps = [], []
        for x, y in loader:
            ps.append(self.model(x.to(self.device)).argmax(1).cpu().numpy())
            ys.append(y.numpy())
        return np.concatenate(ys), np.concatenate(ps)

    def score(self, loader):
        y, p = self.predict(loader)
        return {"macro_f1": f1_score(y, p, average="macro"), "balanced_acc": balanced_accuracy_score(y, p)}

    def fit(self, train_loader, val_loader, max_epochs):
        best, stale = -np.inf, 0
        for epoch in range(max_epochs):
            tr_loss = self._train_one_epoch(train_loader)
            val = self.score(val_loader)
            log.info("epoch %d loss %.4f val %s", epoch, tr_loss, val)
            if val["macro_f1"] > best:
                best, stale = val["macro_f1"], 0
                torch.save({"epoch": epoch, "state": self.model.state_dict()}, self.best_path)
            else:
                stale += 1
                if stale >= self.patience:
                    log.info("early stopping after epoch %d", epoch)
                    break
        ckpt = torch.load(self.best_path, map_location=self.device)
        self.model.load_state_dict(ckpt["state"])
        return best
