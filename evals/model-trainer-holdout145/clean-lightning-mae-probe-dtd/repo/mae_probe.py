import lightning.pytorch as pl
import timm
import torch
import torch.nn as nn
import torch.nn.functional as F
from torchmetrics.classification import MulticlassAccuracy


class MAELinearProbe(pl.LightningModule):
    """MAE-style linear probing: frozen ViT, BatchNorm (no affine) + linear head on the avg-pooled tokens."""

    def __init__(self, backbone: str, num_classes: int, base_lr: float, weight_decay: float, epochs: int,
                 batch_size: int):
        super().__init__()
        self.save_hyperparameters()
        self.encoder = timm.create_model(backbone, pretrained=True, num_classes=0, global_pool="avg")
        self.encoder.requires_grad_(False)
        dim = self.encoder.num_features
        self.head = nn.Sequential(nn.BatchNorm1d(dim, affine=False, eps=1e-6), nn.Linear(dim, num_classes))
        nn.init.trunc_normal_(self.head[1].weight, std=0.01)
        nn.init.zeros_(self.head[1].bias)
        self.val_acc = MulticlassAccuracy(num_classes)
        self.test_acc = MulticlassAccuracy(num_classes)

    def train(self, mode: bool = True):
        super().train(mode)
        self.encoder.eval()  # frozen encoder always runs in inference mode
        return self

    def forward(self, x):
        with torch.no_grad():
            feats = self.encoder(x)
        return self.head(feats)

    def training_step(self, batch, _):
        x, y = batch
        loss = F.cross_entropy(self(x), y)
        self.log("train/loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        logits = self(x)
        self.val_acc.update(logits, y)
        self.log("val/loss", F.cross_entropy(logits, y), sync_dist=True)
        self.log("val/acc", self.val_acc, prog_bar=True)

    def test_step(self, batch, _):
        x, y = batch
        self.test_acc.update(self(x), y)
        self.log("test/acc", self.test_acc)

    def configure_optimizers(self):
        lr = self.hparams.base_lr * self.hparams.batch_size / 256
        opt = torch.optim.SGD(self.head.parameters(), lr=lr, momentum=0.9, weight_decay=self.hparams.weight_decay)
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=self.hparams.epochs)
        return {"optimizer": opt, "lr_scheduler": sched}
