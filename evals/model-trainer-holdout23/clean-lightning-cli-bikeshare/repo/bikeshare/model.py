import lightning as L
import torch
from torch import nn
from torchmetrics import MeanAbsoluteError, MeanSquaredError


class GRUForecaster(L.LightningModule):
    def __init__(self, n_stations: int, hidden: int, layers: int, dropout: float, horizon: int, lr: float):
        super().__init__()
        self.save_hyperparameters()
        self.gru = nn.GRU(n_stations, hidden, num_layers=layers, dropout=dropout, batch_first=True)
        self.head = nn.Linear(hidden, horizon * n_stations)
        self.val_mae, self.val_rmse = MeanAbsoluteError(), MeanSquaredError(squared=False)
        self.test_mae, self.test_rmse = MeanAbsoluteError(), MeanSquaredError(squared=False)
        self.naive_mae, self.naive_rmse = MeanAbsoluteError(), MeanSquaredError(squared=False)

    def forward(self, x):
        out, _ = self.gru(x)
        return self.head(out[:, -1]).view(x.size(0), self.hparams.horizon, self.hparams.n_stations)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = nn.functional.huber_loss(self(x), y)
        self.log("train/loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        pred = self(x)
        self.log("val/loss", nn.functional.huber_loss(pred, y))
        self.val_mae(pred, y)
        self.val_rmse(pred, y)
        self.log_dict({"val/mae": self.val_mae, "val/rmse": self.val_rmse}, prog_bar=True)

    def test_step(self, batch, batch_idx):
        x, y = batch
        pred = self(x)
        naive = x[:, -self.hparams.horizon:]  # seasonal naive: same hours of the previous day
        self.test_mae(pred, y)
        self.test_rmse(pred, y)
        self.naive_mae(naive, y)
        self.naive_rmse(naive, y)
        self.log_dict({"test/mae": self.test_mae, "test/rmse": self.test_rmse,
                       "test/naive_mae": self.naive_mae, "test/naive_rmse": self.naive_rmse})

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=1e-4)
        sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, patience=4, factor=0.5)
        return {"optimizer": opt, "lr_scheduler": {"scheduler": sched, "monitor": "val/mae"}}
