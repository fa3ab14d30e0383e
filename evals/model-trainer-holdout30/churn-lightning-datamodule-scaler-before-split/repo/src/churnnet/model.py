"""Feed-forward churn classifier."""
from __future__ import annotations

import pytorch_lightning as pl
import torch
from torch import nn
from torchmetrics.classification import BinaryAUROC, BinaryAveragePrecision


class ChurnMLP(pl.LightningModule):
    def __init__(
        self,
        in_features: int,
        hidden_dims: list[int],
        dropout: float,
        lr: float,
        weight_decay: float,
        pos_weight: float = 1.0,
    ) -> None:
        super().__init__()
        self.save_hyperparameters()
        layers: list[nn.Module] = []
        prev = in_features
        for width in hidden_dims:
            layers += [nn.Linear(prev, width), nn.BatchNorm1d(width), nn.ReLU(), nn.Dropout(dropout)]
            prev = width
        layers.append(nn.Linear(prev, 1))
        self.net = nn.Sequential(*layers)
        self.loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight))
        self.val_auroc = BinaryAUROC()
        self.val_ap = BinaryAveragePrecision()
        self.test_auroc = BinaryAUROC()
        self.test_ap = BinaryAveragePrecision()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x).squeeze(-1)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = self.loss_fn(self(x), y)
        self.log("train_loss", loss, on_step=False, on_epoch=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        self.log("val_loss", self.loss_fn(logits, y), prog_bar=True)
        probs = torch.sigmoid(logits)
        self.val_auroc(probs, y.long())
        self.val_ap(probs, y.long())
        self.log("val_auroc", self.val_auroc, prog_bar=True)
        self.log("val_ap", self.val_ap)

    def test_step(self, batch, batch_idx):
        x, y = batch
        probs = torch.sigmoid(self(x))
        self.test_auroc(probs, y.long())
        self.test_ap(probs, y.long())
        self.log("test_auroc", self.test_auroc)
        self.log("test_ap", self.test_ap)

    def configure_optimizers(self):
        return torch.optim.AdamW(
            self.parameters(), lr=self.hparams.lr, weight_decay=self.hparams.weight_decay
        )
