import os
import random

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score


def seed_everything(seed):
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    losses, preds, ys = [], [], []
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        logits = model(xb)
        losses.append(F.cross_entropy(logits, yb, reduction="sum").item())
        preds.append(logits.argmax(1).cpu().numpy())
        ys.append(yb.cpu().numpy())
    y_true, y_pred = np.concatenate(ys), np.concatenate(preds)
    return {
        "loss": sum(losses) / len(y_true),
        "acc": accuracy_score(y_true, y_pred),
        "bal_acc": balanced_accuracy_score(y_true, y_pred),
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
    }


def fit(model, train_loader, val_loader, lr, max_epochs, patience, ckpt_path, device):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    best, stale = float("inf"), 0
    for epoch in range(max_epochs):
        model.train()
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            F.cross_entropy(model(xb), yb).backward()
            opt.step()
        val = evaluate(model, val_loader, device)
        if val["loss"] < best:
            best, stale = val["loss"], 0
            torch.save(model.state_dict(), ckpt_path)
        else:
            stale += 1
            if stale >= patience:
                break
    model.load_state_dict(torch.load(ckpt_path, map_location=device))
    return evaluate(model, val_loader, device), epoch + 1
