import lightning as L
import timm
import torch
import torchmetrics as tm
from torch import nn


class PlanktonClassifier(L.LightningModule):
    def __init__(self, n_classes: int, majority_class: int, lr: float = 3e-4, arch: str = "resnet18"):
        super().__init__()
        self.save_hyperparameters()
        self.net = timm.create_model(arch, pretrained=True, in_chans=1, num_classes=n_classes, drop_rate=0.2)
        self.loss = nn.CrossEntropyLoss(label_smoothing=0.1)
        metrics = lambda: tm.MetricCollection({
            "macro_f1": tm.F1Score(task="multiclass", num_classes=n_classes, average="macro"),
            "bal_acc": tm.Accuracy(task="multiclass", num_classes=n_classes, average="macro"),
            "acc": tm.Accuracy(task="multiclass", num_classes=n_classes),
        })
        self.val_metrics, self.test_metrics = metrics().clone(prefix="val_"), metrics().clone(prefix="test_")
        self.majority_metrics = metrics().clone(prefix="test_majority_")

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = self.loss(self(x), y)
        self.log("train_loss", loss, on_epoch=True, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        self.log("val_loss", self.loss(logits, y), prog_bar=True)
        self.val_metrics.update(logits, y)

    def on_validation_epoch_end(self):
        self.log_dict(self.val_metrics.compute())
        self.val_metrics.reset()

    def test_step(self, batch, batch_idx):
        x, y = batch
        self.test_metrics.update(self(x), y)
        self.majority_metrics.update(torch.full_like(y, self.hparams.majority_class), y)

    def on_test_epoch_end(self):
        self.log_dict({**self.test_metrics.compute(), **self.majority_metrics.compute()})

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=0.05)
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=self.trainer.max_epochs)
        return [opt], [sched]
