"""Binary wafer-map defect detector (WM-811K style maps, resized to 64x64).

Labels: 1 = any defect pattern, 0 = 'none'. Only ~3% of labelled wafers are defective,
so the BCE loss is re-weighted with pos_weight.
"""
import logging

import lightning as L
import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from torchmetrics.classification import BinaryAccuracy

log = logging.getLogger("wafer")

CONFIG = {
    "pickle": "data/wm811k_64.pkl",
    "seed": 99,
    "batch_size": 256,
    "lr": 5e-4,
    "max_epochs": 50,
    "patience": 7,
}


def load_maps(path):
    df = pd.read_pickle(path)
    df = df[df["failureType"].notna()]
    x = np.stack(df["waferMap64"].to_numpy()).astype(np.float32)[:, None] / 2.0
    y = (df["failureType"] != "none").astype(np.float32).to_numpy()
    return x, y


class WaferNet(L.LightningModule):
    def __init__(self, pos_weight: float, lr: float):
        super().__init__()
        self.save_hyperparameters()
        self.backbone = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(64, 128, 3, padding=1), nn.BatchNorm2d(128), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
            nn.Flatten(), nn.Dropout(0.3), nn.Linear(128, 1),
        )
        self.val_acc = BinaryAccuracy()
        self.test_acc = BinaryAccuracy()

    def forward(self, x):
        return self.backbone(x).squeeze(1)

    def _loss(self, logits, y):
        pw = torch.tensor(self.hparams.pos_weight, device=logits.device)
        return F.binary_cross_entropy_with_logits(logits, y, pos_weight=pw)

    def training_step(self, batch, _):
        x, y = batch
        loss = self._loss(self(x), y)
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, _):
        x, y = batch
        logits = self(x)
        self.log("val_loss", self._loss(logits, y), prog_bar=True)
        self.val_acc(torch.sigmoid(logits), y.int())
        self.log("val_acc", self.val_acc, prog_bar=True)

    def test_step(self, batch, _):
        x, y = batch
        self.test_acc(torch.sigmoid(self(x)), y.int())
        self.log("test_acc", self.test_acc)

    def configure_optimizers(self):
        opt = torch.optim.Adam(self.parameters(), lr=self.hparams.lr)
        sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=3)
        return {"optimizer": opt, "lr_scheduler": {"scheduler": sched, "monitor": "val_loss"}}


def loaders(x, y, seed, batch_size):
    x_dev, x_te, y_dev, y_te = train_test_split(x, y, test_size=0.2, stratify=y, random_state=seed)
    x_tr, x_va, y_tr, y_va = train_test_split(x_dev, y_dev, test_size=0.125, stratify=y_dev, random_state=seed)
    mk = lambda a, b, sh: DataLoader(TensorDataset(torch.from_numpy(a), torch.from_numpy(b)),  # noqa: E731
                                     batch_size=batch_size, shuffle=sh, num_workers=4)
    return mk(x_tr, y_tr, True), mk(x_va, y_va, False), mk(x_te, y_te, False), y_tr


def main(cfg=CONFIG):
    logging.basicConfig(level=logging.INFO)
    L.seed_everything(cfg["seed"], workers=True)
    x, y = load_maps(cfg["pickle"])
    train_dl, val_dl, test_dl, y_tr = loaders(x, y, cfg["seed"], cfg["batch_size"])
    pos_rate = y_tr.mean()
    log.info("wafers=%d defective=%.2f%%", len(y), 100 * y.mean())

    model = WaferNet(pos_weight=float((1 - pos_rate) / pos_rate), lr=cfg["lr"])
    trainer = L.Trainer(
        max_epochs=cfg["max_epochs"],
        callbacks=[
            EarlyStopping(monitor="val_loss", patience=cfg["patience"]),
            ModelCheckpoint(monitor="val_acc", mode="max", filename="wafer-{epoch:02d}-{val_acc:.4f}"),
        ],
    )
    trainer.fit(model, train_dl, val_dl)
    trainer.test(model, test_dl, ckpt_path="best")


if __name__ == "__main__":
    main()
