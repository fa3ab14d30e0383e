import os
import random

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import classification_report, f1_score
from torch.utils.data import DataLoader

from data import BeatDataset
from model import ResNet1D


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds, targets = [], []
    for x, y in loader:
        preds.append(model(x.to(device)).argmax(1).cpu())
        targets.append(y)
    return torch.cat(targets).numpy(), torch.cat(preds).numpy()


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed_all(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    d = cfg["data"]

    train_ds = BeatDataset(d["root"], d["train_records"], d["fs"], d["pre"], d["post"])
    eval_ds = BeatDataset(d["root"], d["eval_records"], d["fs"], d["pre"], d["post"])
    train_dl = DataLoader(train_ds, batch_size=cfg["train"]["batch_size"], shuffle=True, drop_last=True)
    eval_dl = DataLoader(eval_ds, batch_size=1024)

    counts = torch.bincount(train_ds.y, minlength=4).float()
    weights = (counts.sum() / (4 * counts.clamp(min=1))).to(device)

    model = ResNet1D(n_classes=4).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"], weight_decay=cfg["train"]["weight_decay"])
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=cfg["train"]["epochs"])
    criterion = nn.CrossEntropyLoss(weight=weights)

    os.makedirs(os.path.dirname(cfg["train"]["checkpoint"]), exist_ok=True)
    best_f1 = -1.0
    for epoch in range(cfg["train"]["epochs"]):
        model.train()
        running = 0.0
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            opt.step()
            running += loss.item() * len(y)
        sched.step()

        y_true, y_pred = predict(model, eval_dl, device)
        macro_f1 = f1_score(y_true, y_pred, average="macro")
        print(f"epoch {epoch:02d} loss {running / len(train_ds):.4f} eval macro-F1 {macro_f1:.4f}")
        if macro_f1 > best_f1:
            best_f1 = macro_f1
            torch.save(model.state_dict(), cfg["train"]["checkpoint"])

    model.load_state_dict(torch.load(cfg["train"]["checkpoint"], map_location=device))
    y_true, y_pred = predict(model, eval_dl, device)
    print(classification_report(y_true, y_pred, target_names=["N", "S", "V", "F"], digits=4))


if __name__ == "__main__":
    main()
