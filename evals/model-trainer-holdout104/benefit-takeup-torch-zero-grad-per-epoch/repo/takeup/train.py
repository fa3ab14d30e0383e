"""Train the take-up MLP.  python -m takeup.train --config config.json"""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from torch import nn
from torch.utils.data import DataLoader

from takeup.data import build_datasets
from takeup.model import TakeupMLP


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    probs, ys = [], []
    for xb, yb in loader:
        probs.append(torch.sigmoid(model(xb.to(device))).cpu())
        ys.append(yb)
    return torch.cat(ys).numpy(), torch.cat(probs).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.json")
    cfg = json.loads(Path(ap.parse_args().config).read_text())
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_ds, valid_ds, test_ds, _ = build_datasets(cfg)
    g = torch.Generator().manual_seed(cfg["seed"])
    train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, generator=g)
    valid_dl = DataLoader(valid_ds, batch_size=4096)
    test_dl = DataLoader(test_ds, batch_size=4096)

    model = TakeupMLP(train_ds.tensors[0].shape[1], cfg["hidden"], cfg["dropout"]).to(device)
    pos_rate = train_ds.tensors[1].mean().item()
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - pos_rate) / pos_rate, device=device))
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])

    best_loss, bad_epochs = float("inf"), 0
    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(1, cfg["max_epochs"] + 1):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            running += loss.item() * len(yb)

        y_val, p_val = predict(model, valid_dl, device)
        val_loss = log_loss(y_val, p_val)
        print(f"epoch {epoch:02d} train_loss={running / len(train_ds):.4f} "
              f"val_logloss={val_loss:.4f} val_auc={roc_auc_score(y_val, p_val):.4f}")
        if val_loss < best_loss - 1e-4:
            best_loss, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    y_test, p_test = predict(model, test_dl, device)

    X_tr, y_tr = train_ds.tensors[0].numpy(), train_ds.tensors[1].numpy()
    logit = LogisticRegression(max_iter=2000, C=1.0).fit(X_tr, y_tr)
    p_logit = logit.predict_proba(test_ds.tensors[0].numpy())[:, 1]
    print(f"test AUC mlp={roc_auc_score(y_test, p_test):.4f} logit={roc_auc_score(y_test, p_logit):.4f}")
    print(f"test AP  mlp={average_precision_score(y_test, p_test):.4f} "
          f"logit={average_precision_score(y_test, p_logit):.4f}")


if __name__ == "__main__":
    main()
