import lightning as L
import torch
from torch import nn
from torchmetrics.classification import BinaryAUROC, BinaryAveragePrecision, BinaryF1Score


class FallNet(L.LightningModule):
    def __init__(self, lr: float = 1e-3, pos_weight: float = 6.0, threshold: float = 0.5):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(
            nn.Conv1d(6, 32, 7, padding=3), nn.BatchNorm1d(32), nn.ReLU(),
            nn.Conv1d(32, 64, 7, padding=3, stride=2), nn.BatchNorm1d(64), nn.ReLU(),
            nn.Conv1d(64, 64, 5, padding=2, stride=2), nn.BatchNorm1d(64), nn.ReLU(),
            nn.AdaptiveMaxPool1d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(64, 1),
        )
        self.loss = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight))
        self.val_auroc, self.val_ap = BinaryAUROC(), BinaryAveragePrecision()
        self.test_auroc, self.test_ap = BinaryAUROC(), BinaryAveragePrecision()
        self.test_f1 = BinaryF1Score(threshold=threshold)

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
        self.val_auroc.update(torch.sigmoid(logits), y.int())
        self.val_ap.update(torch.sigmoid(logits), y.int())

    def on_validation_epoch_end(self):
        self.log("val_auroc", self.val_auroc.compute())
        self.log("val_ap", self.val_ap.compute())
        self.val_auroc.reset()
        self.val_ap.reset()

    def test_step(self, batch, _):
        x, y = batch
        p = torch.sigmoid(self(x))
        self.test_auroc.update(p, y.int())
        self.test_ap.update(p, y.int())
        self.test_f1.update(p, y.int())

    def on_test_epoch_end(self):
        self.log("test_auroc", self.test_auroc.compute())
        self.log("test_ap", self.test_ap.compute())
        self.log("test_f1", self.test_f1.compute())

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)
