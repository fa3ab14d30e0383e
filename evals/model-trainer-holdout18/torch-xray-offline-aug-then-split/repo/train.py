import argparse
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import f1_score, roc_auc_score, recall_score
from torch.utils.data import DataLoader, TensorDataset
from torchvision import models


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def load(cache, name):
    blob = torch.load(Path(cache) / f"{name}.pt")
    return TensorDataset(blob["x"], blob["y"])


def make_model():
    net = models.densenet121(weights=models.DenseNet121_Weights.DEFAULT)
    net.features.conv0 = nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
    net.classifier = nn.Linear(net.classifier.in_features, 1)
    return net


@torch.no_grad()
def scores(model, loader, device):
    model.eval()
    probs, ys = [], []
    for x, y in loader:
        probs.append(torch.sigmoid(model(x.to(device)).squeeze(1)).cpu())
        ys.append(y)
    return torch.cat(probs).numpy(), torch.cat(ys).numpy()


def metrics(y, p, thr):
    pred = (p >= thr).astype(int)
    return {"auc": roc_auc_score(y, p), "f1": f1_score(y, pred),
            "sensitivity": recall_score(y, pred), "specificity": recall_score(1 - y, 1 - pred)}


def main(args):
    seed_everything(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    train_ds, val_ds, test_ds = (load(args.cache, n) for n in ("train", "val", "test"))
    train_dl = DataLoader(train_ds, batch_size=32, shuffle=True,
                          generator=torch.Generator().manual_seed(args.seed))
    val_dl = DataLoader(val_ds, batch_size=64)
    test_dl = DataLoader(test_ds, batch_size=64)

    # prevalence baseline: a constant score has AUC 0.5; report the positive rate for context
    print("val positive rate", val_ds.tensors[1].float().mean().item())

    model = make_model().to(device)
    pos = train_ds.tensors[1].float().mean()
    crit = nn.BCEWithLogitsLoss(pos_weight=(1 - pos) / pos)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)

    best_auc, wait = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.float().to(device)
            opt.zero_grad()
            loss = crit(model(x).squeeze(1), y)
            loss.backward()
            opt.step()
        p_val, y_val = scores(model, val_dl, device)
        auc = roc_auc_score(y_val, p_val)
        print(f"epoch {epoch} val AUC {auc:.4f}")
        if auc > best_auc:
            best_auc, wait = auc, 0
            torch.save(model.state_dict(), "densenet_best.pt")
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(torch.load("densenet_best.pt"))
    p_val, y_val = scores(model, val_dl, device)
    grid = np.linspace(0.05, 0.95, 91)
    thr = grid[np.argmax([f1_score(y_val, (p_val >= t).astype(int)) for t in grid])]
    p_test, y_test = scores(model, test_dl, device)
    print("threshold (val-tuned)", thr)
    print("test", metrics(y_test, p_test, thr))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default="cache")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--patience", type=int, default=4)
    ap.add_argument("--seed", type=int, default=3)
    main(ap.parse_args())
