import argparse
import random

import numpy as np
import pandas as pd
import timm
import torch
import wandb
import yaml
from PIL import Image
from torch.utils.data import DataLoader, Dataset

from engine import evaluate, train_one_epoch


class CropDataset(Dataset):
    def __init__(self, df, root, classes, tf):
        self.paths = df["crop_path"].tolist()
        self.labels = df["species"].map({c: i for i, c in enumerate(classes)}).tolist()
        self.root, self.tf = root, tf

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.tf(Image.open(f"{self.root}/{self.paths[i]}").convert("RGB")), self.labels[i]


def main(cfg):
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=cfg["experiment"], config=cfg)

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    manifest = pd.read_csv(cfg["data"]["manifest"])
    classes = sorted(manifest["species"].unique())

    model = timm.create_model(cfg["model"]["name"], pretrained=True, num_classes=len(classes),
                              drop_path_rate=cfg["model"]["drop_path_rate"]).to(device)
    data_cfg = timm.data.resolve_data_config({}, model=model)
    tf_train = timm.data.create_transform(**data_cfg, is_training=True, auto_augment="rand-m9-mstd0.5")
    tf_eval = timm.data.create_transform(**data_cfg)

    def loader(split, tf, shuffle):
        df = manifest[manifest["split"] == split]
        return DataLoader(CropDataset(df, cfg["data"]["root"], classes, tf), batch_size=cfg["optim"]["batch_size"],
                          shuffle=shuffle, num_workers=8, pin_memory=True)

    train_dl, val_dl, test_dl = loader("train", tf_train, True), loader("val", tf_eval, False), loader("test", tf_eval, False)

    criterion = torch.nn.CrossEntropyLoss(label_smoothing=0.1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["optim"]["lr"], weight_decay=cfg["optim"]["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["optim"]["epochs"])
    scaler = torch.cuda.amp.GradScaler(enabled=False)

    best = -1.0
    for epoch in range(cfg["optim"]["epochs"]):
        train_loss = train_one_epoch(model, train_dl, criterion, optimizer, scaler, device)
        scheduler.step()
        val = evaluate(model, val_dl, device, len(classes))
        wandb.log({"epoch": epoch, "train_loss": train_loss, **{f"val/{k}": v for k, v in val.items()}})
        if val["balanced_acc"] > best:
            best = val["balanced_acc"]
            torch.save(model.state_dict(), "best.pt")

    model.load_state_dict(torch.load("best.pt", map_location=device))
    test = evaluate(model, test_dl, device, len(classes))
    wandb.summary.update({f"test/{k}": v for k, v in test.items()})
    print(test)
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("config")
    with open(ap.parse_args().config) as f:
        main(yaml.safe_load(f))
