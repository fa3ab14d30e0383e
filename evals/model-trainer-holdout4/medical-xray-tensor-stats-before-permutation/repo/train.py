import json
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader
from torchvision import models, transforms

from cxr.data import CXRDataset, load_tensors, permuted_split


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def build_model():
    net = models.resnet18(weights=None, num_classes=1)
    net.conv1 = nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
    return net


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    scores, targets = [], []
    for xb, yb in loader:
        scores.append(torch.sigmoid(model(xb.to(device)).squeeze(1)).cpu())
        targets.append(yb)
    return torch.cat(targets).numpy(), torch.cat(scores).numpy()


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    tcfg = cfg["train"]
    seed_everything(tcfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    x, y, norm = load_tensors(cfg["data"]["images"], cfg["data"]["labels"])
    train_idx, val_idx, test_idx = permuted_split(len(x), cfg["data"]["val_frac"], cfg["data"]["test_frac"], tcfg["seed"])

    aug = transforms.Compose([transforms.RandomAffine(degrees=7, translate=(0.04, 0.04), scale=(0.95, 1.05))])
    train_dl = DataLoader(CXRDataset(x, y, train_idx, augment=aug), batch_size=tcfg["batch_size"], shuffle=True, num_workers=4)
    val_dl = DataLoader(CXRDataset(x, y, val_idx), batch_size=128)
    test_dl = DataLoader(CXRDataset(x, y, test_idx), batch_size=128)

    model = build_model().to(device)
    pos_weight = torch.tensor([(y[train_idx] == 0).sum() / (y[train_idx] == 1).sum()], device=device)
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])

    ckpt = Path(tcfg["ckpt"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best_auc, bad_epochs = -1.0, 0
    for epoch in range(tcfg["epochs"]):
        model.train()
        running = 0.0
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            logits = model(xb).squeeze(1)
            loss = criterion(logits, yb)
            loss.backward()
            optimizer.step()
            running += loss.item() * len(xb)

        yv, sv = predict(model, val_dl, device)
        val_auc = roc_auc_score(yv, sv)
        print(f"epoch {epoch:02d} train_loss={running / len(train_idx):.4f} val_auc={val_auc:.4f}")
        if val_auc > best_auc:
            best_auc, bad_epochs = val_auc, 0
            torch.save({"state_dict": model.state_dict(), "norm": norm, "epoch": epoch}, ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= tcfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt)["state_dict"])
    yt, st = predict(model, test_dl, device)
    prevalence = float(yt.mean())
    results = {
        "val_auc_best": best_auc,
        "test_auc": roc_auc_score(yt, st),
        "test_ap": average_precision_score(yt, st),
        "test_prevalence_ap_baseline": prevalence,
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
