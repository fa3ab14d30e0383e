"""Training engine: one method per phase, each responsible for its own module mode."""
from dataclasses import dataclass

import torch
from torch import nn
from torch.utils.data import DataLoader


@dataclass
class Scores:
    loss: float
    accuracy: float
    macro_f1: float


class Engine:
    def __init__(self, model: nn.Module, optimizer: torch.optim.Optimizer, device: torch.device, n_classes: int):
        self.model = model.to(device)
        self.optimizer = optimizer
        self.device = device
        self.n_classes = n_classes
        self.criterion = nn.CrossEntropyLoss(label_smoothing=0.05)

    def train_one_epoch(self, loader: DataLoader) -> float:
        self.model.train()
        running, seen = 0.0, 0
        for images, labels in loader:
            images, labels = images.to(self.device), labels.to(self.device)
            self.optimizer.zero_grad(set_to_none=True)
            loss = self.criterion(self.model(images), labels)
            loss.backward()
            self.optimizer.step()
            running += loss.item() * labels.size(0)
            seen += labels.size(0)
        return running / seen

    @torch.inference_mode()
    def evaluate(self, loader: DataLoader) -> Scores:
        self.model.eval()
        confusion = torch.zeros(self.n_classes, self.n_classes, dtype=torch.long)
        total_loss, seen = 0.0, 0
        for images, labels in loader:
            images, labels = images.to(self.device), labels.to(self.device)
            logits = self.model(images)
            total_loss += self.criterion(logits, labels).item() * labels.size(0)
            seen += labels.size(0)
            for truth, guess in zip(labels.cpu(), logits.argmax(1).cpu()):
                confusion[truth, guess] += 1
        tp = confusion.diag().float()
        precision = tp / confusion.sum(0).clamp(min=1)
        recall = tp / confusion.sum(1).clamp(min=1)
        f1 = 2 * precision * recall / (precision + recall).clamp(min=1e-8)
        return Scores(loss=total_loss / seen, accuracy=(tp.sum() / seen).item(), macro_f1=f1.mean().item())
