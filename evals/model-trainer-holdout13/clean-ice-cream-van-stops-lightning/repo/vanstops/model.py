import lightning as L
import torch
from torch import nn


class SalesRegressor(L.LightningModule):
    def __init__(self, n_in: int, hidden: int, dropout: float, lr: float, weight_decay: float):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(
            nn.Linear(n_in, hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )
        self.loss = nn.PoissonNLLLoss(log_input=True)

    def forward(self, x):
        return self.net(x).squeeze(-1)

    def _shared(self, batch, stage):
        x, y = batch
        log_rate = self(x)
        loss = self.loss(log_rate, y)
        mae = (log_rate.exp() - y).abs().mean()
        self.log(f"{stage}_loss", loss, prog_bar=True, on_epoch=True, on_step=False)
        self.log(f"{stage}_mae", mae, prog_bar=True, on_epoch=True, on_step=False)
        return loss

    def training_step(self, batch, _):
        return self._shared(batch, "train")

    def validation_step(self, batch, _):
        self._shared(batch, "val")

    def test_step(self, batch, _):
        x, y = batch
        pred = self(x).exp()
        self.log("test_mae", (pred - y).abs().mean(), on_epoch=True)
        self.log("test_rmse", ((pred - y) ** 2).mean().sqrt(), on_epoch=True)

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=self.hparams.weight_decay)
