import json
import math
import random
import sys

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision import models, transforms as T

from trainer import Trainer

CLASSES = ["good", "porosity", "crack", "lack_of_fusion"]


class WeldDataset(Dataset):
    def __init__(self, csv_path, tf):
        df = pd.read_csv(csv_path)          # image_path, label  (split files made per weld seam id)
        self.paths = df["image_path"].tolist()
        self.labels = df["label"].map(CLASSES.index).tolist()
        self.tf = tf

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        return self.tf(Image.open(self.paths[i]).convert("RGB")), self.labels[i]


def main(cfg_path="config.json"):
    cfg = json.load(open(cfg_path))
    random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    size = cfg["img_size"]
    norm = T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
    train_tf = T.Compose([T.Resize((size, size)), T.RandomHorizontalFlip(),
                          T.RandomAffine(degrees=5, translate=(0.03, 0.03)), T.ToTensor(), norm])
    eval_tf = T.Compose([T.Resize((size, size)), T.ToTensor(), norm])
    train_ds = WeldDataset(cfg["train_csv"], train_tf)
    train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=4, drop_last=True)
    val_dl = DataLoader(WeldDataset(cfg["val_csv"], eval_tf), batch_size=16, num_workers=4)
    test_dl = DataLoader(WeldDataset(cfg["test_csv"], eval_tf), batch_size=16, num_workers=4)

    model = models.resnet50(weights=models.ResNet50_Weights.IMAGENET1K_V2)
    model.fc = nn.Sequential(nn.Dropout(0.3), nn.Linear(model.fc.in_features, len(CLASSES)))
    model.to(device)

    counts = np.bincount(train_ds.labels, minlength=len(CLASSES))
    weights = torch.tensor(counts.sum() / (len(CLASSES) * counts), dtype=torch.float32, device=device)

    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.01)
    steps = cfg["epochs"] * math.ceil(len(train_dl) / cfg["accum_steps"])
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg["lr"], total_steps=steps, pct_start=0.1)
    trainer = Trainer(model, opt, sched, device, accum_steps=cfg["accum_steps"], class_weights=weights)

    best = -1.0
    for epoch in range(cfg["epochs"]):
        loss = trainer.train_epoch(train_dl)
        val = trainer.evaluate(val_dl)
        print(f"epoch {epoch:02d} loss {loss:.4f} val macro-F1 {val['macro_f1']:.4f}")
        if val["macro_f1"] > best:
            best = val["macro_f1"]
            torch.save(model.state_dict(), cfg["ckpt"])

    model.load_state_dict(torch.load(cfg["ckpt"], map_location=device))
    print("test:", trainer.evaluate(test_dl))


if __name__ == "__main__":
    main(*sys.argv[1:])
