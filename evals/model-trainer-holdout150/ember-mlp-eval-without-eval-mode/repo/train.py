import argparse

import numpy as np
import torch
import yaml
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from engine import evaluate, train_one_epoch
from model import EmberMLP


def load_xy(prefix):
    X = np.load(f"{prefix}_X.npy", mmap_mode="r")
    y = np.load(f"{prefix}_y.npy")
    keep = y >= 0
    return np.asarray(X[keep], dtype=np.float32), y[keep].astype(np.float32)


def to_loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))

    torch.manual_seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    X_full, y_full = load_xy(cfg["train_prefix"])
    X_test, y_test = load_xy(cfg["test_prefix"])
    X_train, X_val, y_train, y_val = train_test_split(
        X_full, y_full, test_size=0.1, stratify=y_full, random_state=cfg["seed"]
    )

    scaler = StandardScaler().fit(X_train)
    X_train, X_val, X_test = (scaler.transform(a).astype(np.float32) for a in (X_train, X_val, X_test))

    train_loader = to_loader(X_train, y_train, cfg["batch_size"], shuffle=True)
    val_loader = to_loader(X_val, y_val, 4096, shuffle=False)
    test_loader = to_loader(X_test, y_test, 4096, shuffle=False)

    model = EmberMLP(dropout=cfg["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    criterion = torch.nn.BCEWithLogitsLoss()

    best_auc, patience = 0.0, 0
    for epoch in range(cfg["epochs"]):
        loss = train_one_epoch(model, train_loader, optimizer, criterion, device)
        val = evaluate(model, val_loader, device)
        print(f"epoch {epoch:02d} loss={loss:.4f} val_auc={val['auc']:.5f}")
        if val["auc"] > best_auc:
            best_auc, patience = val["auc"], 0
            torch.save(model.state_dict(), cfg["ckpt"])
        else:
            patience += 1
            if patience >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(cfg["ckpt"]))
    print("test:", evaluate(model, test_loader, device))


if __name__ == "__main__":
    main()
