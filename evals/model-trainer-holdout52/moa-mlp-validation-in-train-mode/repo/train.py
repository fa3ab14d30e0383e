"""MoA: 5-fold MLP with multilabel stratification."""
from pathlib import Path

import numpy as np
import torch
import yaml
from iterstrat.ml_stratifiers import MultilabelStratifiedKFold
from sklearn.metrics import log_loss, roc_auc_score
from torch import nn
from torch.utils.data import DataLoader

from moa.data import MoADataset, load_moa, seed_everything
from moa.model import MoAMLP

DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def train_fn(model, loader, optimizer, scheduler, loss_fn):
    model.train()
    total = 0.0
    for x, y in loader:
        x, y = x.to(DEVICE), y.to(DEVICE)
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        scheduler.step()
        total += loss.item() * len(x)
    return total / len(loader.dataset)


def valid_fn(model, loader, loss_fn):
    total, preds = 0.0, []
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(DEVICE), y.to(DEVICE)
            logits = model(x)
            total += loss_fn(logits, y).item() * len(x)
            preds.append(logits.sigmoid().cpu().numpy())
    return total / len(loader.dataset), np.concatenate(preds)


def inference_fn(model, loader):
    preds = []
    with torch.no_grad():
        for x in loader:
            preds.append(model(x.to(DEVICE)).sigmoid().cpu().numpy())
    return np.concatenate(preds)


def mean_logloss(y_true, y_pred):
    y_pred = np.clip(y_pred, 1e-15, 1 - 1e-15)
    return np.mean([log_loss(y_true[:, j], y_pred[:, j], labels=[0, 1]) for j in range(y_true.shape[1])])


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed_everything(cfg["seed"])
    feats, targets, test, feature_cols, target_cols = load_moa(cfg["data_dir"])
    X, Y = feats[feature_cols].values, targets[target_cols].values
    X_test = test[feature_cols].values
    out_dir = Path(cfg["out_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    oof, oof_prior = np.zeros(Y.shape), np.zeros(Y.shape)
    test_pred = np.zeros((len(X_test), Y.shape[1]))
    mskf = MultilabelStratifiedKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["seed"])
    for fold, (tr_idx, va_idx) in enumerate(mskf.split(X, Y)):
        oof_prior[va_idx] = Y[tr_idx].mean(axis=0)
        train_loader = DataLoader(MoADataset(X[tr_idx], Y[tr_idx]), batch_size=cfg["batch_size"], shuffle=True)
        valid_loader = DataLoader(MoADataset(X[va_idx], Y[va_idx]), batch_size=cfg["batch_size"] * 4)

        model = MoAMLP(len(feature_cols), len(target_cols), cfg["hidden_size"], cfg["dropout"]).to(DEVICE)
        optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
        scheduler = torch.optim.lr_scheduler.OneCycleLR(
            optimizer, max_lr=cfg["lr"] * 10, epochs=cfg["epochs"], steps_per_epoch=len(train_loader)
        )
        loss_fn = nn.BCEWithLogitsLoss()
        best, bad_epochs, ckpt = np.inf, 0, out_dir / f"fold{fold}.pt"
        for epoch in range(cfg["epochs"]):
            tr_loss = train_fn(model, train_loader, optimizer, scheduler, loss_fn)
            va_loss, va_pred = valid_fn(model, valid_loader, loss_fn)
            print(f"fold {fold} epoch {epoch}: train {tr_loss:.5f} valid {va_loss:.5f}")
            if va_loss < best:
                best, bad_epochs = va_loss, 0
                oof[va_idx] = va_pred
                torch.save(model.state_dict(), ckpt)
            else:
                bad_epochs += 1
                if bad_epochs >= cfg["patience"]:
                    break

        model.load_state_dict(torch.load(ckpt, map_location=DEVICE))
        test_loader = DataLoader(MoADataset(X_test), batch_size=cfg["batch_size"] * 4)
        test_pred += inference_fn(model, test_loader) / cfg["n_folds"]

    print(f"prior baseline logloss {mean_logloss(Y, oof_prior):.5f}")
    print(f"MLP OOF logloss       {mean_logloss(Y, oof):.5f}")
    print(f"MLP OOF micro AUC     {roc_auc_score(Y.ravel(), oof.ravel()):.5f}")
    np.save(out_dir / "test_pred.npy", test_pred)


if __name__ == "__main__":
    main()
