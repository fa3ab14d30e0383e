import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import timm
import torch
import torch.nn as nn
from PIL import Image
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms as T

from augment import balance_classes

CLASSES = ["missing_hole", "mouse_bite", "open_circuit", "short", "spur", "spurious_copper"]


class CropDataset(Dataset):
    def __init__(self, df, image_dir, tf):
        self.files = df["filename"].tolist()
        self.labels = [CLASSES.index(c) for c in df["defect_type"]]
        self.image_dir, self.tf = Path(image_dir), tf

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        img = Image.open(self.image_dir / self.files[i]).convert("RGB")
        return self.tf(img), self.labels[i]


def predict(model, loader, device):
    model.eval()
    ys, ps = [], []
    with torch.no_grad():
        for x, y in loader:
            ps.append(model(x.to(device)).argmax(1).cpu())
            ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


def main():
    cfg = json.load(open("config.json"))
    seed = cfg["seed"]
    random.seed(seed); np.random.seed(seed); torch.manual_seed(seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(cfg["labels_csv"])          # filename, defect_type
    df = balance_classes(df, cfg["image_dir"], seed=seed)
    print(df["defect_type"].value_counts())

    train_df, test_df = train_test_split(df, test_size=0.2, stratify=df["defect_type"], random_state=seed)
    train_df, val_df = train_test_split(train_df, test_size=0.15, stratify=train_df["defect_type"],
                                        random_state=seed)

    norm = T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
    train_tf = T.Compose([T.Resize((cfg["img_size"],) * 2), T.ColorJitter(0.1, 0.1), T.ToTensor(), norm])
    eval_tf = T.Compose([T.Resize((cfg["img_size"],) * 2), T.ToTensor(), norm])
    train_dl = DataLoader(CropDataset(train_df, cfg["image_dir"], train_tf), batch_size=cfg["batch_size"],
                          shuffle=True, num_workers=4)
    val_dl = DataLoader(CropDataset(val_df, cfg["image_dir"], eval_tf), batch_size=64, num_workers=4)
    test_dl = DataLoader(CropDataset(test_df, cfg["image_dir"], eval_tf), batch_size=64, num_workers=4)

    model = timm.create_model(cfg["arch"], pretrained=True, num_classes=len(CLASSES)).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.05)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=cfg["epochs"])
    crit = nn.CrossEntropyLoss()

    best_f1 = -1.0
    for epoch in range(cfg["epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = crit(model(x), y)
            loss.backward()
            opt.step()
        sched.step()
        y_val, p_val = predict(model, val_dl, device)
        f1 = f1_score(y_val, p_val, average="macro")
        print(f"epoch {epoch}  val macro-F1 {f1:.4f}")
        if f1 > best_f1:
            best_f1 = f1
            torch.save(model.state_dict(), "best_pcb.pt")

    model.load_state_dict(torch.load("best_pcb.pt"))
    y_test, p_test = predict(model, test_dl, device)
    print(classification_report(y_test, p_test, target_names=CLASSES, digits=4))


if __name__ == "__main__":
    main()
