import lightning as L
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchmetrics import MetricCollection
from torchmetrics.classification import MulticlassAccuracy, MulticlassAUROC, MulticlassF1Score


def block(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.GELU(),
                         nn.Conv2d(c_out, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.GELU(),
                         nn.MaxPool2d(2))


class GalaxyCNN(L.LightningModule):
    def __init__(self, n_classes=10, lr=1e-3, weight_decay=5e-4):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(block(3, 32), block(32, 64), block(64, 128), block(128, 256),
                                 nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3),
                                 nn.Linear(256, n_classes))
        metrics = MetricCollection({
            "acc": MulticlassAccuracy(n_classes),
            "macro_f1": MulticlassF1Score(n_classes, average="macro"),
            "auroc": MulticlassAUROC(n_classes),
        })
        self.val_metrics = metrics.clone(prefix="val_")
        self.test_metrics = metrics.clone(prefix="test_")

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, _):
        x, y = batch
        loss = F.cross_entropy(self(x), y)
        self.log("train_loss", loss, on_epoch=True)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        logits = self(x)
        self.log("val_loss", F.cross_entropy(logits, y), prog_bar=True)
        self.val_metrics.update(logits, y)

    def on_validation_epoch_end(self):
        self.log_dict(self.val_metrics.compute(), prog_bar=True)
        self.val_metrics.reset()

    def test_step(self, batch, _):
        x, y = batch
        self.test_metrics.update(self(x), y)

    def on_test_epoch_end(self):
        self.log_dict(self.test_metrics.compute())
        self.test_metrics.reset()

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=self.hparams.weight_decay)
        sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=3)
        return {"optimizer": opt, "lr_scheduler": {"scheduler": sched, "monitor": "val_loss"}}
