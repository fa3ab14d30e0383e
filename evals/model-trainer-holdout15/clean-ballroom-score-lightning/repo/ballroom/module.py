import lightning as L
import torch
from torch import nn
from torchmetrics import MeanAbsoluteError, R2Score


class ScoreRegressor(L.LightningModule):
    def __init__(self, n_features: int, hidden: list[int], dropout: float, lr: float, baseline: float):
        super().__init__()
        self.save_hyperparameters()
        layers, d = [], n_features
        for h in hidden:
            layers += [nn.Linear(d, h), nn.LayerNorm(h), nn.SiLU(), nn.Dropout(dropout)]
            d = h
        layers.append(nn.Linear(d, 1))
        self.net = nn.Sequential(*layers)
        self.val_mae, self.test_mae, self.test_r2 = MeanAbsoluteError(), MeanAbsoluteError(), R2Score()
        self.test_baseline_mae = MeanAbsoluteError()

    def forward(self, x):
        return self.net(x).squeeze(-1)

    def training_step(self, batch, _):
        x, y = batch
        loss = nn.functional.smooth_l1_loss(self(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        pred = self(x)
        self.log("val_loss", nn.functional.smooth_l1_loss(pred, y), prog_bar=True)
        self.val_mae(pred, y)
        self.log("val_mae", self.val_mae)

    def test_step(self, batch, _):
        x, y = batch
        pred = self(x)
        self.test_mae(pred, y)
        self.test_r2(pred, y)
        self.test_baseline_mae(torch.full_like(y, self.hparams.baseline), y)
        self.log_dict({"test_mae": self.test_mae, "test_r2": self.test_r2,
                       "test_mae_mean_baseline": self.test_baseline_mae})

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=1e-4)
        sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=4)
        return {"optimizer": opt, "lr_scheduler": {"scheduler": sched, "monitor": "val_loss"}}
