import lightning as L
import torch
import torch.nn as nn


class RunoffLSTM(L.LightningModule):
    def __init__(self, n_inputs, hidden, layers, dropout, lr, target_scale):
        super().__init__()
        self.save_hyperparameters()
        self.lstm = nn.LSTM(n_inputs, hidden, num_layers=layers, dropout=dropout, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1]).squeeze(-1)

    def _shared(self, batch, stage):
        x, y = batch
        pred = self(x)
        loss = nn.functional.mse_loss(pred, y)
        _, std = self.hparams.target_scale
        self.log(f"{stage}_loss", loss, prog_bar=True)
        self.log(f"{stage}_mae_m3s", (pred - y).abs().mean() * std)
        return loss

    def training_step(self, batch, batch_idx):
        return self._shared(batch, "train")

    def validation_step(self, batch, batch_idx):
        self._shared(batch, "val")

    def test_step(self, batch, batch_idx):
        x, y = batch
        pred = self(x)
        _, std = self.hparams.target_scale
        persistence = x[:, -1, -1]  # yesterday's (scaled) runoff, runoff is the last input column
        self.log("test_rmse_m3s", torch.sqrt(nn.functional.mse_loss(pred, y)) * std)
        self.log("test_mae_m3s", (pred - y).abs().mean() * std)
        self.log("persistence_mae_m3s", (persistence - y).abs().mean() * std)
        self.log("persistence_rmse_m3s", torch.sqrt(nn.functional.mse_loss(persistence, y)) * std)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)
