import argparse
import random

import numpy as np
import torch
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader

from data import FEATURES, TrackWindows, load_tracks, split_vessels
from model import FishingGRU


def run_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    total = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    return total / len(loader.dataset)


@torch.no_grad()
def evaluate(model, loader, device):
    probs, labels = [], []
    for xb, yb in loader:
        logits = model(xb.to(device))
        probs.append(torch.sigmoid(logits).flatten().cpu().numpy())
        labels.append(yb.flatten().numpy())
    y, p = np.concatenate(labels), np.concatenate(probs)
    return roc_auc_score(y, p), average_precision_score(y, p)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))

    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = load_tracks(cfg["data"]["path"])
    tr_df, val_df, te_df = split_vessels(df, cfg["data"]["test_size"], cfg["data"]["val_size"], cfg["seed"])
    train_ds = TrackWindows(tr_df, cfg["window"], cfg["stride"])
    val_ds = TrackWindows(val_df, cfg["window"], cfg["window"], train_ds.mean, train_ds.std)
    test_ds = TrackWindows(te_df, cfg["window"], cfg["window"], train_ds.mean, train_ds.std)

    bs = cfg["train"]["batch_size"]
    train_dl = DataLoader(train_ds, batch_size=bs, shuffle=True)
    val_dl = DataLoader(val_ds, batch_size=bs)
    test_dl = DataLoader(test_ds, batch_size=bs)

    model = FishingGRU(len(FEATURES), **cfg["model"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"])
    pos_frac = tr_df["is_fishing"].mean()
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - pos_frac) / pos_frac, device=device))

    best_ap = -1.0
    for epoch in range(cfg["train"]["epochs"]):
        tr_loss = run_epoch(model, train_dl, optimizer, loss_fn, device)
        val_auc, val_ap = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} loss {tr_loss:.4f} val AUC {val_auc:.4f} AP {val_ap:.4f}")
        if val_ap > best_ap:
            best_ap = val_ap
            torch.save(model.state_dict(), cfg["out"])

    model.load_state_dict(torch.load(cfg["out"], map_location=device))
    test_auc, test_ap = evaluate(model, test_dl, device)
    print(f"test AUC {test_auc:.4f} AP {test_ap:.4f}")


if __name__ == "__main__":
    main()
