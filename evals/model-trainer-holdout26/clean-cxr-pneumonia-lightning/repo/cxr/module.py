import lightning as L
import torch
import torch.nn as nn
import torchmetrics
from torchvision.models import DenseNet121_Weights, densenet121


class PneumoniaNet(L.LightningModule):
    def __init__(self, lr=1e-4, pos_weight=1.0):
        super().__init__()
        self.save_hyperparameters()
        self.backbone = densenet121(weights=DenseNet121_Weights.IMAGENET1K_V1)
        self.backbone.classifier = nn.Linear(self.backbone.classifier.in_features, 1)
        self.criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight))
        self.val_auroc = torchmetrics.AUROC(task="binary")
        self.val_ap = torchmetrics.AveragePrecision(task="binary")
        self.threshold = 0.5  # overwritten from validation data before testing
        self._test_probs, self._test_y = [], []

    def forward(self, x):
        return self.backbone(x).squeeze(1)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = self.criterion(self(x), y)
        self.log("train_loss", loss, on_epoch=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        self.log("val_loss", self.criterion(logits, y), prog_bar=True)
        self.val_auroc.update(logits.sigmoid(), y.int())
        self.val_ap.update(logits.sigmoid(), y.int())

    def on_validation_epoch_end(self):
        self.log("val_auroc", self.val_auroc.compute(), prog_bar=True)
        self.log("val_ap", self.val_ap.compute())
        self.val_auroc.reset()
        self.val_ap.reset()

    def predict_step(self, batch, batch_idx):
        x, y = batch
        return self(x).sigmoid(), y

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=1e-5)
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=self.trainer.max_epochs)
        return [opt], [sched]
