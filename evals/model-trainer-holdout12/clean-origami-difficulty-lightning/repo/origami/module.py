import lightning as L
import torch
from torch import nn


class DifficultyRegressor(L.LightningModule):
    def __init__(self, n_in, hidden, dropout, lr, weight_decay, baseline_value):
        super().__init__()
        self.save_hyperparameters()
        layers, d = [], n_in
        for h in hidden:
            layers += [nn.Linear(d, h), nn.GELU(), nn.Dropout(dropout)]
            d = h
        self.net = nn.Sequential(*layers, nn.Linear(d, 1))

    def forward(self, x):
        return self.net(x)

    def _step(self, batch, stage):
        x, y = batch
        pred = self(x)
        mse = nn.functional.mse_loss(pred, y)
        mae = (pred - y).abs().mean()
        self.log(f"{stage}_loss", mse, prog_bar=True)
        self.log(f"{stage}_mae", mae)
        if stage == "test":
            self.log("test_rmse", mse.sqrt())
            self.log("test_baseline_mae", (y - self.hparams.baseline_value).abs().mean())
        return mse

    def training_step(self, batch, batch_idx):
        return self._step(batch, "train")

    def validation_step(self, batch, batch_idx):
        self._step(batch, "val")

    def test_step(self, batch, batch_idx):
        self._step(batch, "test")

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=self.hparams.weight_decay)
