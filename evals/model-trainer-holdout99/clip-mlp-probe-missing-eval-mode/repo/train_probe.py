"""MLP probe on frozen CLIP ViT-L/14 image embeddings (species classification).

The .npz cache holds pre-split arrays produced by extract_clip_features.py:
X_train / y_train, X_val / y_val, X_test / y_test.
"""
import json
import random
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, top_k_accuracy_score
from torch.utils.data import DataLoader, TensorDataset


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class MLPProbe(nn.Module):
    def __init__(self, in_dim, hidden_dim, n_classes, dropout):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(in_dim, hidden_dim),
            nn.BatchNorm1d(hidden_dim),
            nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(hidden_dim, n_classes),
        )

    def forward(self, x):
        return self.net(x)


def loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.from_numpy(X).float(), torch.from_numpy(y).long())
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, drop_last=shuffle)


def predict(model, dl, device):
    logits, labels = [], []
    for xb, yb in dl:
        logits.append(model(xb.to(device)).cpu())
        labels.append(yb)
    return torch.cat(logits), torch.cat(labels)


def main(cfg_path="probe_config.json"):
    cfg = json.loads(Path(cfg_path).read_text())
    set_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    data = np.load(cfg["features"])
    X_train, y_train = data["X_train"], data["y_train"]
    X_val, y_val = data["X_val"], data["y_val"]
    X_test, y_test = data["X_test"], data["y_test"]
    n_classes = int(y_train.max()) + 1

    train_dl = loader(X_train, y_train, cfg["batch_size"], shuffle=True)
    val_dl = loader(X_val, y_val, 1024, shuffle=False)
    test_dl = loader(X_test, y_test, 1024, shuffle=False)

    model = MLPProbe(X_train.shape[1], cfg["hidden_dim"], n_classes, cfg["dropout"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=cfg["max_epochs"])
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)

    best_val, bad_epochs = float("inf"), 0
    Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(cfg["max_epochs"]):
        model.train()
        running = 0.0
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            running += loss.item() * len(xb)
        sched.step()

        val_logits, val_labels = predict(model, val_dl, device)
        val_loss = loss_fn(val_logits, val_labels).item()
        val_acc = (val_logits.argmax(1) == val_labels).float().mean().item()
        print(f"epoch {epoch:02d} train_loss={running / len(train_dl.dataset):.4f} "
              f"val_loss={val_loss:.4f} val_acc={val_acc:.4f}")

        if val_loss < best_val - 1e-4:
            best_val, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print(f"early stop at epoch {epoch}")
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    test_logits, test_labels = predict(model, test_dl, device)
    test_proba = test_logits.softmax(1).detach().numpy()
    y_pred = test_proba.argmax(1)

    linear = LogisticRegression(max_iter=3000, C=0.3).fit(X_train, y_train)
    lin_proba = linear.predict_proba(X_test)
    labels = np.arange(n_classes)
    print("mlp    top1=%.4f top5=%.4f macroF1=%.4f" % (
        top_k_accuracy_score(y_test, test_proba, k=1, labels=labels),
        top_k_accuracy_score(y_test, test_proba, k=5, labels=labels),
        f1_score(y_test, y_pred, average="macro"),
    ))
    print("linear top1=%.4f top5=%.4f macroF1=%.4f" % (
        top_k_accuracy_score(y_test, lin_proba, k=1, labels=labels),
        top_k_accuracy_score(y_test, lin_proba, k=5, labels=labels),
        f1_score(y_test, lin_proba.argmax(1), average="macro"),
    ))


if __name__ == "__main__":
    main(*sys.argv[1:])
