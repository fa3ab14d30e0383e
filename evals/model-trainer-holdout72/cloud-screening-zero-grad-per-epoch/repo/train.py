"""Cloud / clear patch classifier for Landsat 8 quick-look screening."""
import argparse
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

from cloudnet import CloudNet, load_split


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    probs, targets = [], []
    for x, y in loader:
        probs.append(torch.sigmoid(model(x.to(device))).squeeze(1).cpu())
        targets.append(y)
    return torch.cat(probs).numpy(), torch.cat(targets).numpy()


def train(args):
    seed_all(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    loaders = {}
    for split in ["train", "val", "test"]:
        x, y = load_split(Path(args.data) / f"{split}.npz")
        loaders[split] = DataLoader(TensorDataset(x, y), batch_size=args.batch_size,
                                    shuffle=(split == "train"))

    model = CloudNet(in_channels=x.shape[1]).to(device)
    criterion = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-4)

    best_ap, stale = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        epoch_loss = 0.0
        for xb, yb in loaders["train"]:
            xb, yb = xb.to(device), yb.float().to(device)
            loss = criterion(model(xb).squeeze(1), yb)
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item() * len(xb)
        val_prob, val_true = predict(model, loaders["val"], device)
        val_ap = average_precision_score(val_true, val_prob)
        print(f"epoch {epoch:02d} loss {epoch_loss / len(loaders['train'].dataset):.4f} val AP {val_ap:.4f}")
        if val_ap > best_ap:
            best_ap, stale = val_ap, 0
            torch.save(model.state_dict(), args.out)
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(args.out, map_location=device))
    val_prob, val_true = predict(model, loaders["val"], device)
    prec, rec, thr = precision_recall_curve(val_true, val_prob)
    f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
    threshold = float(thr[f1.argmax()])

    test_prob, test_true = predict(model, loaders["test"], device)
    test_pred = (test_prob >= threshold).astype(int)
    base_rate = test_true.mean()
    print(f"threshold (from val): {threshold:.3f}")
    print(f"test ROC-AUC {roc_auc_score(test_true, test_prob):.4f}")
    print(f"test PR-AUC  {average_precision_score(test_true, test_prob):.4f} (chance {base_rate:.3f})")
    print(f"test F1      {f1_score(test_true, test_pred):.4f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/l8_cloud_patches")
    p.add_argument("--out", default="checkpoints/cloudnet.pt")
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--patience", type=int, default=6)
    p.add_argument("--seed", type=int, default=0)
    train(p.parse_args())
