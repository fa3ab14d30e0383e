import argparse

import lightning as L
import pandas as pd
import timm
import torch
import torch.nn as nn
import torchmetrics
from PIL import Image
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms as T

CLASSES = ["MEL", "NV", "BCC", "AK", "BKL", "DF", "VASC", "SCC"]
IMG_DIR = "data/isic2019/prep512"
NORM = T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])


class Images(Dataset):
    def __init__(self, df, tf):
        self.names, self.y, self.tf = df.image.tolist(), df.label.tolist(), tf

    def __len__(self):
        return len(self.names)

    def __getitem__(self, i):
        return self.tf(Image.open(f"{IMG_DIR}/{self.names[i]}.jpg").convert("RGB")), self.y[i]


class LitClassifier(L.LightningModule):
    def __init__(self, arch, lr, class_weights):
        super().__init__()
        self.save_hyperparameters(ignore=["class_weights"])
        self.net = timm.create_model(arch, pretrained=True, num_classes=len(CLASSES), drop_rate=0.3)
        self.loss = nn.CrossEntropyLoss(weight=class_weights)
        self.val_bacc = torchmetrics.Recall(task="multiclass", num_classes=len(CLASSES), average="macro")
        self.test_bacc = torchmetrics.Recall(task="multiclass", num_classes=len(CLASSES), average="macro")
        self.test_auc = torchmetrics.AUROC(task="multiclass", num_classes=len(CLASSES))

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
        self.val_bacc.update(logits.argmax(1), y)
        self.log("val_loss", self.loss(logits, y))
        self.log("val_bacc", self.val_bacc, on_epoch=True, prog_bar=True)

    def test_step(self, batch, _):
        x, y = batch
        logits = self(x)
        self.test_bacc.update(logits.argmax(1), y)
        self.test_auc.update(logits.softmax(1), y)
        self.log_dict({"test_bacc": self.test_bacc, "test_auc": self.test_auc}, on_epoch=True)

    def configure_optimizers(self):
        opt = torch.optim.AdamW(self.parameters(), lr=self.hparams.lr, weight_decay=1e-4)
        return {"optimizer": opt, "lr_scheduler": torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=self.trainer.max_epochs)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", default="efficientnet_b3.ra2_in1k")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args()
    L.seed_everything(args.seed, workers=True)

    gt = pd.read_csv("data/isic2019/ISIC_2019_Training_GroundTruth.csv")
    meta = pd.read_csv("data/isic2019/ISIC_2019_Training_Metadata.csv")
    df = gt.merge(meta[["image", "lesion_id"]], on="image")
    df["label"] = df[CLASSES].to_numpy().argmax(1)
    df["lesion_id"] = df["lesion_id"].fillna(df["image"])
    folds = [i for _, i in StratifiedGroupKFold(5, shuffle=True, random_state=args.seed).split(df, df.label, df.lesion_id)]
    test_df, val_df = df.iloc[folds[0]], df.iloc[folds[1]]
    train_df = df.drop(test_df.index.union(val_df.index))

    train_tf = T.Compose([T.RandomResizedCrop(384, scale=(0.5, 1.0)), T.RandomHorizontalFlip(), T.RandomVerticalFlip(),
                          T.RandomRotation(90), T.ColorJitter(0.1, 0.1, 0.05), T.ToTensor(), NORM])
    eval_tf = T.Compose([T.Resize(384), T.CenterCrop(384), T.ToTensor(), NORM])
    dl = lambda d, tf, sh: DataLoader(Images(d, tf), batch_size=32, shuffle=sh, num_workers=8)

    freq = torch.bincount(torch.tensor(train_df.label.values), minlength=len(CLASSES)).float()
    model = LitClassifier(args.arch, args.lr, class_weights=(freq.sum() / freq).sqrt())
    ckpt = L.pytorch.callbacks.ModelCheckpoint(monitor="val_bacc", mode="max")
    trainer = L.Trainer(max_epochs=args.epochs, accelerator="gpu", precision="16-mixed",
                        callbacks=[ckpt, L.pytorch.callbacks.EarlyStopping(monitor="val_bacc", mode="max", patience=5)])
    trainer.fit(model, dl(train_df, train_tf, True), dl(val_df, eval_tf, False))
    trainer.test(model, dl(test_df, eval_tf, False), ckpt_path="best")


if __name__ == "__main__":
    main()
