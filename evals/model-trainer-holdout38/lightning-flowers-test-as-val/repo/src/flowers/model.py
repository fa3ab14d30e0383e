import lightning as L
import torch
from torch import nn
from torchmetrics.classification import MulticlassAccuracy, MulticlassF1Score
from torchvision import models


class FlowerClassifier(L.LightningModule):
    def __init__(self, num_classes: int, lr: float = 3e-4, weight_decay: float = 0.05,
                 freeze_epochs: int = 2):
        super().__init__()
        self.save_hyperparameters()
        self.backbone = models.convnext_tiny(weights=models.ConvNeXt_Tiny_Weights.IMAGENET1K_V1)
        in_f = self.backbone.classifier[2].in_features
        self.backbone.classifier[2] = nn.Linear(in_f, num_classes)
        self.criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
        self.val_acc = MulticlassAccuracy(num_classes)
        self.val_f1 = MulticlassF1Score(num_classes, average="macro")
        self.test_acc = MulticlassAccuracy(num_classes)
        self.test_f1 = MulticlassF1Score(num_classes, average="macro")

    def forward(self, x):
        return self.backbone(x)

    def on_train_epoch_start(self):
        frozen = self.current_epoch < self.hparams.freeze_epochs
        for p in self.backbone.features.parameters():
            p.requires_grad = not frozen

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = self.criterion(self(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        self.log("val_loss", self.criterion(logits, y), prog_bar=True)
        self.val_acc(logits, y)
        self.val_f1(logits, y)
        self.log_dict({"val_acc": self.val_acc, "val_f1": self.val_f1}, prog_bar=True)

    def test_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        self.test_acc(logits, y)
        self.test_f1(logits, y)
        self.log_dict({"test_acc": self.test_acc, "test_f1": self.test_f1})

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr,
                                weight_decay=self.hparams.weight_decay)
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=self.trainer.max_epochs)
        return {"optimizer": opt, "lr_scheduler": sched}
