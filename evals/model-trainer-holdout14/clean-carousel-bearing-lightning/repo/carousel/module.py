import lightning as L
import torch
from torch import nn


class BearingRegressor(L.LightningModule):
    def __init__(self, n_features: int, hidden: int, dropout: float, lr: float, weight_decay: float):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(
            nn.Linear(n_features, hidden), nn.GELU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden), nn.GELU(), nn.Dropout(dropout),
            nn.Linear(hidden, 1),
        )
        self.loss = nn.HuberLoss(delta=7.0)

    def forward(self, x):
        return self.net(x).squeeze(-1)

    def _step(self, batch, stage):
        x, y = batch
        pred = self(x)
        loss = self.loss(pred, y)
        self.log(f"{stage}_loss", loss, prog_bar=stage != "train")
        self.log(f"{stage}_mae", (pred - y).abs().mean())
        self.log(f"{stage}_rmse", ((pred - y) ** 2).mean().sqrt())
        return loss

    def training_step(self, batch, _):
        return self._step(batch, "train")

    def validation_step(self, batch, _):
        self._step(batch, "val")

    def test_step(self, batch, _):
        self._step(batch, "test")

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=self.hparams.weight_decay)
        sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=8)
        return {"optimizer": opt, "lr_scheduler": {"scheduler": sched, "monitor": "val_loss"}}
