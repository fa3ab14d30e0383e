import lightning as L
import torch
import torch.nn as nn
import torchmetrics


def conv_block(cin, cout, k=5):
    return nn.Sequential(
        nn.Conv1d(cin, cout, k, padding=k // 2), nn.BatchNorm1d(cout), nn.ReLU(),
        nn.Conv1d(cout, cout, k, padding=k // 2), nn.BatchNorm1d(cout), nn.ReLU(),
        nn.MaxPool1d(2),
    )


class BeatClassifier(L.LightningModule):
    def __init__(self, n_classes=5, lr=1e-3, class_weights=None, majority_class=0):
        super().__init__()
        self.save_hyperparameters(ignore=["class_weights"])
        self.net = nn.Sequential(
            conv_block(1, 32), conv_block(32, 64), conv_block(64, 128),
            nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(128, n_classes),
        )
        self.loss = nn.CrossEntropyLoss(weight=class_weights)
        metrics = torchmetrics.MetricCollection({
            "macro_f1": torchmetrics.F1Score(task="multiclass", num_classes=n_classes, average="macro"),
            "bal_acc": torchmetrics.Accuracy(task="multiclass", num_classes=n_classes, average="macro"),
            "auroc": torchmetrics.AUROC(task="multiclass", num_classes=n_classes),
        })
        self.val_metrics = metrics.clone(prefix="val_")
        self.test_metrics = metrics.clone(prefix="test_")
        self.test_majority = metrics.clone(prefix="test_majority_")

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, _):
        x, y = batch
        loss = self.loss(self(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        logits = self(x)
        self.log("val_loss", self.loss(logits, y), prog_bar=True)
        self.val_metrics.update(logits.softmax(-1), y)

    def on_validation_epoch_end(self):
        self.log_dict(self.val_metrics.compute())
        self.val_metrics.reset()

    def test_step(self, batch, _):
        x, y = batch
        probs = self(x).softmax(-1)
        self.test_metrics.update(probs, y)
        majority = torch.zeros_like(probs)
        majority[:, self.hparams.majority_class] = 1.0
        self.test_majority.update(majority, y)

    def on_test_epoch_end(self):
        self.log_dict(self.test_metrics.compute())
        self.log_dict(self.test_majority.compute())

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=1e-4)
        sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=2)
        return {"optimizer": opt, "lr_scheduler": {"scheduler": sched, "monitor": "val_loss"}}
