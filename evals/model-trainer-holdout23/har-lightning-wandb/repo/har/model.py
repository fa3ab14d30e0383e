import lightning as L
import torch
from torch import nn
from torchmetrics import MetricCollection
from torchmetrics.classification import MulticlassAccuracy, MulticlassF1Score


class ConvHAR(L.LightningModule):
    def __init__(self, num_classes, channels=(64, 128, 128), kernel=7, dropout=0.25, lr=1e-3, weight_decay=1e-4):
        super().__init__()
        self.save_hyperparameters()
        layers, c_in = [], 6
        for c_out in channels:
            layers += [nn.Conv1d(c_in, c_out, kernel, padding=kernel // 2), nn.BatchNorm1d(c_out), nn.GELU(), nn.MaxPool1d(2)]
            c_in = c_out
        self.features = nn.Sequential(*layers)
        self.head = nn.Sequential(nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Dropout(dropout), nn.Linear(c_in, num_classes))
        metrics = MetricCollection({
            "acc": MulticlassAccuracy(num_classes=num_classes),
            "macro_f1": MulticlassF1Score(num_classes=num_classes, average="macro"),
        })
        self.val_metrics = metrics.clone(prefix="val/")
        self.test_metrics = metrics.clone(prefix="test/")

    def forward(self, x):  # x: (B, T, C)
        return self.head(self.features(x.transpose(1, 2)))

    def training_step(self, batch, _):
        x, y = batch
        loss = nn.functional.cross_entropy(self(x), y)
        self.log("train/loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        logits = self(x)
        self.log("val/loss", nn.functional.cross_entropy(logits, y), prog_bar=True)
        self.val_metrics.update(logits, y)

    def on_validation_epoch_end(self):
        self.log_dict(self.val_metrics.compute())
        self.val_metrics.reset()

    def test_step(self, batch, _):
        x, y = batch
        self.test_metrics.update(self(x), y)

    def on_test_epoch_end(self):
        self.log_dict(self.test_metrics.compute())
        self.test_metrics.reset()

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=self.hparams.weight_decay)
