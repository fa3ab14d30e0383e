"""Minimal trainer: epochs, validation, early stopping on val loss, best-checkpointing."""
from __future__ import annotations

import logging
from pathlib import Path

import torch
from sklearn.metrics import accuracy_score, f1_score
from torch import nn

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model: nn.Module, optimizer, scheduler, cfg: dict, device: torch.device):
        self.model = model.to(device)
        self.optimizer = optimizer
        self.scheduler = scheduler
        self.cfg = cfg
        self.device = device
        self.criterion = nn.CrossEntropyLoss()
        self.ckpt_dir = Path(cfg["trainer"]["ckpt_dir"])
        self.ckpt_dir.mkdir(parents=True, exist_ok=True)

    def train_epoch(self, loader) -> float:
        self.model.train()
        self.optimizer.zero_grad(set_to_none=True)
        running, n = 0.0, 0
        for x, y in loader:
            x, y = x.to(self.device), y.to(self.device)
            loss = self.criterion(self.model(x), y)
            loss.backward()
            nn.utils.clip_grad_norm_(self.model.parameters(), self.cfg["optim"]["max_grad_norm"])
            self.optimizer.step()
            self.scheduler.step()
            running += loss.item() * len(y)
            n += len(y)
        return running / n

    @torch.no_grad()
    def evaluate(self, loader) -> dict[str, float]:
        self.model.eval()
        losses, preds, targets = [], [], []
        for x, y in loader:
            x, y = x.to(self.device), y.to(self.device)
            logits = self.model(x)
            losses.append(self.criterion(logits, y).item() * len(y))
            preds.append(logits.argmax(1).cpu())
            targets.append(y.cpu())
        p, t = torch.cat(preds).numpy(), torch.cat(targets).numpy()
        return {
            "loss": sum(losses) / len(t),
            "accuracy": accuracy_score(t, p),
            "f1_macro": f1_score(t, p, average="macro"),
        }

    def fit(self, loaders) -> dict[str, float]:
        best, bad_epochs = float("inf"), 0
        best_path = self.ckpt_dir / "best.pt"
        for epoch in range(1, self.cfg["trainer"]["max_epochs"] + 1):
            train_loss = self.train_epoch(loaders["train"])
            val = self.evaluate(loaders["val"])
            log.info("epoch %03d train_loss %.4f val_loss %.4f val_f1 %.4f",
                     epoch, train_loss, val["loss"], val["f1_macro"])
            if val["loss"] < best - 1e-4:
                best, bad_epochs = val["loss"], 0
                torch.save({"epoch": epoch, "model": self.model.state_dict()}, best_path)
            else:
                bad_epochs += 1
                if bad_epochs >= self.cfg["trainer"]["patience"]:
                    log.info("early stopping at epoch %d", epoch)
                    break
        state = torch.load(best_path, map_location=self.device)
        self.model.load_state_dict(state["model"])
        return self.evaluate(loaders["test"])
