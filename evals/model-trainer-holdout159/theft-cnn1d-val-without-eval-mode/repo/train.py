import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score

from data import make_loaders
from model import TheftCNN


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def train_one_epoch(model, loader, criterion, optimizer, device):
    model.train()
    total = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = criterion(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(yb)
    return total / len(loader.dataset)


def evaluate(model, loader, device):
    probs, labels = [], []
    with torch.no_grad():
        for xb, yb in loader:
            logits = model(xb.to(device))
            probs.append(torch.sigmoid(logits).cpu().numpy())
            labels.append(yb.numpy())
    p, t = np.concatenate(probs), np.concatenate(labels)
    return {"auc": roc_auc_score(t, p), "ap": average_precision_score(t, p)}


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    set_seed(cfg["train"]["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_dl, val_dl, test_dl = make_loaders(cfg)
    model = TheftCNN(**cfg["model"]).to(device)
    criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(cfg["train"]["pos_weight"], device=device))
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"],
                                  weight_decay=cfg["train"]["weight_decay"])

    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    best_ap, bad_epochs = -1.0, 0
    for epoch in range(cfg["train"]["epochs"]):
        tr_loss = train_one_epoch(model, train_dl, criterion, optimizer, device)
        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} loss {tr_loss:.4f} val_auc {val['auc']:.4f} val_ap {val['ap']:.4f}")
        if val["ap"] > best_ap:
            best_ap, bad_epochs = val["ap"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["train"]["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    test = evaluate(model, test_dl, device)
    print(f"TEST auc {test['auc']:.4f} ap {test['ap']:.4f}")


if __name__ == "__main__":
    main()
