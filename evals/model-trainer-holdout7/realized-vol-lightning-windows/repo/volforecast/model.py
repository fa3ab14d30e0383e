import lightning as L
import torch
from torch import nn


class VolLSTM(L.LightningModule):
    def __init__(self, n_features: int, hidden: int, layers: int, dropout: float, lr: float):
        super().__init__()
        self.save_hyperparameters()
        self.rnn = nn.LSTM(n_features, hidden, num_layers=layers, dropout=dropout, batch_first=True)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden, 1))

    def forward(self, x):
        h, _ = self.rnn(x)
        return self.head(h[:, -1]).squeeze(-1)

    def _shared(self, batch, stage):
        x, y, last = batch
        pred = self(x)
        mse = nn.functional.mse_loss(pred, y)
        self.log(f"{stage}_mse", mse, prog_bar=True)
        if stage != "train":
            self.log(f"{stage}_mae", (pred - y).abs().mean())
            self.log(f"{stage}_naive_mse", nn.functional.mse_loss(last, y))
        return mse

    def training_step(self, batch, _):
        return self._shared(batch, "train")

    def validation_step(self, batch, _):
        self._shared(batch, "val")

    def test_step(self, batch, _):
        self._shared(batch, "test")

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=1e-4)
        sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=3)
        return {"optimizer": opt, "lr_scheduler": {"scheduler": sched, "monitor": "val_mse"}}
