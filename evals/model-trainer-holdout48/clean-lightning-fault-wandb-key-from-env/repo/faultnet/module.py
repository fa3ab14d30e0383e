from __future__ import annotations

import lightning as L
import torch
from torch import nn
from torchmetrics.classification import BinaryAUROC, BinaryAveragePrecision


class FaultClassifier(L.LightningModule):
    def __init__(self, n_features: int, hidden: int, dropout: float, lr: float, pos_weight: float):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(
            nn.Linear(n_features, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )
        self.loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight))
        self.metrics = nn.ModuleDict({
            f"{stage}_{name}": cls() for stage in ("val", "test")
            for name, cls in (("auroc", BinaryAUROC), ("ap", BinaryAveragePrecision))
        })

    def forward(self, x):
        return self.net(x).squeeze(-1)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = self.loss_fn(self(x), y)
        self.log("train_loss", loss, on_epoch=True, prog_bar=True)
        return loss

    def _eval_step(self, batch, stage: str):
        x, y = batch
        logits = self(x)
        self.log(f"{stage}_loss", self.loss_fn(logits, y), on_epoch=True, prog_bar=True)
        probs = torch.sigmoid(logits)
        for name in ("auroc", "ap"):
            m = self.metrics[f"{stage}_{name}"]
            m.update(probs, y.long())
            self.log(f"{stage}_{name}", m, on_epoch=True)

    def validation_step(self, batch, batch_idx):
        self._eval_step(batch, "val")

    def test_step(self, batch, batch_idx):
        self._eval_step(batch, "test")

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=1e-4)
