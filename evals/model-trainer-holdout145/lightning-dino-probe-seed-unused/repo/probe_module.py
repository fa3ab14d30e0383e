import lightning.pytorch as pl
import timm
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchmetrics.classification import MulticlassAccuracy


class LinearProbe(pl.LightningModule):
    """Frozen timm backbone + linear classifier on the CLS token."""

    def __init__(self, backbone: str, num_classes: int, lr: float, weight_decay: float, epochs: int):
        super().__init__()
        self.save_hyperparameters()
        self.backbone = timm.create_model(backbone, pretrained=True, num_classes=0)
        self.backbone.requires_grad_(False)
        self.head = nn.Linear(self.backbone.num_features, num_classes)
        self.val_acc = MulticlassAccuracy(num_classes=num_classes)
        self.test_acc = MulticlassAccuracy(num_classes=num_classes)

    def on_train_epoch_start(self):
        # Lightning flips the whole module to train(); keep the frozen encoder deterministic
        self.backbone.eval()

    def forward(self, x):
        with torch.no_grad():
            feats = self.backbone(x)
        return self.head(feats)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = F.cross_entropy(self(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        self.val_acc(logits, y)
        self.log("val_loss", F.cross_entropy(logits, y))
        self.log("val_acc", self.val_acc, prog_bar=True)

    def test_step(self, batch, batch_idx):
        x, y = batch
        self.test_acc(self(x), y)
        self.log("test_acc", self.test_acc)

    def configure_optimizers(self):
        opt = torch.optim.SGD(self.head.parameters(), lr=self.hparams.lr, momentum=0.9,
                              weight_decay=self.hparams.weight_decay)
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=self.hparams.epochs)
        return [opt], [sched]
