"""A small reusable trainer for tabular PyTorch models."""
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader


@dataclass
class EpochStats:
    loss: float
    accuracy: float


class Trainer:
    def __init__(self, model: nn.Module, optimizer: torch.optim.Optimizer, checkpoint: Path) -> None:
        self.model = model
        self.optimizer = optimizer
        self.loss_fn = nn.CrossEntropyLoss()
        self.checkpoint = checkpoint

    def fit(self, train_loader: DataLoader, val_loader: DataLoader, epochs: int, patience: int) -> None:
        self.model.train()
        best_loss, stale = float("inf"), 0
        for epoch in range(epochs):
            for features, target in train_loader:
                self.optimizer.zero_grad()
                loss = self.loss_fn(self.model(features), target)
                loss.backward()
                self.optimizer.step()
            val = self.validate(val_loader)
            print(f"epoch {epoch:02d}  val_loss {val.loss:.4f}  val_acc {val.accuracy:.3f}")
            if val.loss < best_loss:
                best_loss, stale = val.loss, 0
                torch.save(self.model.state_dict(), self.checkpoint)
            else:
                stale += 1
                if stale >= patience:
                    print("early stopping")
                    break
        self.model.load_state_dict(torch.load(self.checkpoint, weights_only=True))

    @torch.no_grad()
    def validate(self, loader: DataLoader) -> EpochStats:
        total_loss, correct, seen = 0.0, 0, 0
        for features, target in loader:
            logits = self.model(features)
            total_loss += self.loss_fn(logits, target).item() * len(target)
            correct += (logits.argmax(dim=1) == target).sum().item()
            seen += len(target)
        return EpochStats(loss=total_loss / seen, accuracy=correct / seen)
