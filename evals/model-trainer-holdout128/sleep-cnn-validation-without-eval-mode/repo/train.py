import copy
import json
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import cohen_kappa_score, f1_score
from torch.utils.data import DataLoader

from dataset import SleepEpochs
from model import SleepCNN


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def evaluate(model, loader, device):
    preds, labels = [], []
    with torch.no_grad():
        for x, y in loader:
            logits = model(x.to(device))
            preds.append(logits.argmax(dim=1).cpu())
            labels.append(y)
    y_true, y_pred = torch.cat(labels).numpy(), torch.cat(preds).numpy()
    return f1_score(y_true, y_pred, average="macro"), cohen_kappa_score(y_true, y_pred)


def main():
    cfg = json.load(open("config.json"))
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    splits = {k: SleepEpochs(cfg["npz_dir"], v) for k, v in cfg["subjects"].items()}
    train_dl = DataLoader(splits["train"], batch_size=cfg["batch_size"], shuffle=True)
    val_dl = DataLoader(splits["val"], batch_size=256)
    test_dl = DataLoader(splits["test"], batch_size=256)

    model = SleepCNN().to(device)
    freq = torch.bincount(splits["train"].y, minlength=5).float()
    criterion = nn.CrossEntropyLoss(weight=(freq.sum() / (5 * freq)).to(device))
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])

    best_f1, best_state, bad_epochs = -1.0, None, 0
    for epoch in range(cfg["max_epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()

        val_f1, val_kappa = evaluate(model, val_dl, device)
        print(f"epoch {epoch:3d}  val MF1 {val_f1:.4f}  kappa {val_kappa:.4f}")
        if val_f1 > best_f1:
            best_f1, best_state, bad_epochs = val_f1, copy.deepcopy(model.state_dict()), 0
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                break

    model.load_state_dict(best_state)
    test_f1, test_kappa = evaluate(model, test_dl, device)
    print(f"TEST  MF1 {test_f1:.4f}  kappa {test_kappa:.4f}")
    torch.save(model.state_dict(), "sleepcnn_best.pt")


if __name__ == "__main__":
    main()
