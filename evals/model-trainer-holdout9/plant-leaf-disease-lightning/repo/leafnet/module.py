import lightning as L
import timm
import torch
import torch.nn.functional as F
from torchmetrics.classification import MulticlassAccuracy, MulticlassF1Score


class LeafClassifier(L.LightningModule):
    def __init__(self, backbone, num_classes, lr, weight_decay):
        super().__init__()
        self.save_hyperparameters()
        self.net = timm.create_model(backbone, pretrained=True, num_classes=num_classes)
        self.val_f1 = MulticlassF1Score(num_classes, average="macro")
        self.val_acc = MulticlassAccuracy(num_classes)
        self.test_f1 = MulticlassF1Score(num_classes, average="macro")
        self.test_acc = MulticlassAccuracy(num_classes)

    def forward(self, x):
        return self.net(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = F.cross_entropy(self(x), y, label_smoothing=0.1)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        self.log("val_loss", F.cross_entropy(logits, y), prog_bar=True)
        self.val_f1.update(logits, y)
        self.val_acc.update(logits, y)

    def on_validation_epoch_end(self):
        self.log("val_f1", self.val_f1.compute(), prog_bar=True)
        self.log("val_acc", self.val_acc.compute())
        self.val_f1.reset(); self.val_acc.reset()

    def test_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        self.test_f1.update(logits, y)
        self.test_acc.update(logits, y)

    def on_test_epoch_end(self):
        self.log("test_f1", self.test_f1.compute())
        self.log("test_acc", self.test_acc.compute())

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=self.hparams.weight_decay)
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=self.trainer.max_epochs)
        return {"optimizer": opt, "lr_scheduler": sched}
