import logging
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.tensorboard import SummaryWriter

from .utils import AverageMeter

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model, optimizer, scheduler, criterion, device, ckpt_dir: Path,
                 patience: int = 8, log_dir: str | None = None):
        self.model = model.to(device)
        self.optimizer = optimizer
        self.scheduler = scheduler
        self.criterion = criterion
        self.device = device
        self.ckpt_path = Path(ckpt_dir) / "best.pt"
        self.ckpt_path.parent.mkdir(parents=True, exist_ok=True)
        self.patience = patience
        self.writer = SummaryWriter(log_dir=log_dir)

    def train_one_epoch(self, loader) -> float:
        self.model.train()
        meter = AverageMeter()
        for xb, yb in loader:
            xb, yb = xb.to(self.device), yb.to(self.device)
            logits = self.model(xb)
            loss = self.criterion(logits, yb)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), max_norm=1.0)
            self.optimizer.step()
            self.scheduler.step()
            meter.update(loss.item(), xb.size(0))
        return meter.avg

    @torch.no_grad()
    def evaluate(self, loader) -> dict:
        self.model.eval()
        meter = AverageMeter()
        probs, targets = [], []
        for xb, yb in loader:
            xb, yb = xb.to(self.device), yb.to(self.device)
            logits = self.model(xb)
            meter.update(self.criterion(logits, yb).item(), xb.size(0))
            probs.append(torch.sigmoid(logits).cpu().numpy())
            targets.append(yb.cpu().numpy())
        p, t = np.concatenate(probs), np.concatenate(targets)
        return {"loss": meter.avg, "roc_auc": roc_auc_score(t, p), "pr_auc": average_precision_score(t, p)}

    def fit(self, train_dl, val_dl, epochs: int) -> dict:
        best, bad_epochs = -np.inf, 0
        for epoch in range(1, epochs + 1):
            train_loss = self.train_one_epoch(train_dl)
            val = self.evaluate(val_dl)
            self.writer.add_scalar("loss/train", train_loss, epoch)
            for k, v in val.items():
                self.writer.add_scalar(f"val/{k}", v, epoch)
            log.info("epoch %03d train_loss=%.4f val=%s", epoch, train_loss, val)
            if val["pr_auc"] > best:
                best, bad_epochs = val["pr_auc"], 0
                torch.save({"epoch": epoch, "state_dict": self.model.state_dict()}, self.ckpt_path)
            else:
                bad_epochs += 1
                if bad_epochs >= self.patience:
                    log.info("early stopping at epoch %d", epoch)
                    break
        state = torch.load(self.ckpt_path, map_location=self.device)
        self.model.load_state_dict(state["state_dict"])
        return {"best_val_pr_auc": best, "best_epoch": state["epoch"]}
