import torch
import torch.nn as nn
import lightning as L
import torchmetrics
from torchvision.models import resnet18, ResNet18_Weights


class CrackClassifier(L.LightningModule):
    def __init__(self, lr, pos_weight):
        super().__init__()
        self.save_hyperparameters()
        self.net = resnet18(weights=ResNet18_Weights.IMAGENET1K_V1)
        self.net.fc = nn.Linear(self.net.fc.in_features, 1)
        self.loss = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight))
        self.val_auroc = torchmetrics.AUROC(task="binary")
        self.val_ap = torchmetrics.AveragePrecision(task="binary")
        self.test_auroc = torchmetrics.AUROC(task="binary")
        self.test_ap = torchmetrics.AveragePrecision(task="binary")
        self.test_f1 = torchmetrics.F1Score(task="binary")

    def forward(self, x):
        return self.net(x).squeeze(1)

    def training_step(self, batch, _):
        x, y = batch
        loss = self.loss(self(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        logits = self(x)
        self.log("val_loss", self.loss(logits, y), prog_bar=True)
        self.val_auroc.update(logits.sigmoid(), y.int())
        self.val_ap.update(logits.sigmoid(), y.int())

    def on_validation_epoch_end(self):
        self.log("val_auroc", self.val_auroc.compute()); self.val_auroc.reset()
        self.log("val_ap", self.val_ap.compute()); self.val_ap.reset()

    def test_step(self, batch, _):
        x, y = batch
        p = self(x).sigmoid()
        for m in (self.test_auroc, self.test_ap, self.test_f1):
            m.update(p, y.int())

    def on_test_epoch_end(self):
        self.log("test_auroc", self.test_auroc.compute())
        self.log("test_ap", self.test_ap.compute())
        self.log("test_f1", self.test_f1.compute())

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=1e-4)
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=20)
        return {"optimizer": opt, "lr_scheduler": sched}
