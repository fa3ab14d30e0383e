"""Optuna search for an MLP on the forest covertype data."""
import copy
import random
from pathlib import Path

import numpy as np
import optuna
import torch
import torch.nn.functional as F
from sklearn.datasets import fetch_covtype
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from model import TabularMLP

SEED = 3
MAX_EPOCHS = 40
PATIENCE = 5
CKPT = Path("checkpoints/covtype_mlp_best.pt")
DEVICE = torch.device("cuda" if torch.cuda.is_available() else "cpu")

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)


def make_loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.long))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


def train_epoch(model, loader, optimizer):
    model.train()
    total = 0.0
    optimizer.zero_grad()
    for xb, yb in loader:
        xb, yb = xb.to(DEVICE), yb.to(DEVICE)
        loss = F.cross_entropy(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    return total / len(loader.dataset)


def evaluate(model, loader):
    losses, preds, targets = 0.0, [], []
    for xb, yb in loader:
        logits = model(xb.to(DEVICE))
        losses += F.cross_entropy(logits, yb.to(DEVICE), reduction="sum").item()
        preds.append(logits.argmax(dim=1).cpu().numpy())
        targets.append(yb.numpy())
    preds, targets = np.concatenate(preds), np.concatenate(targets)
    return losses / len(targets), accuracy_score(targets, preds), f1_score(targets, preds, average="macro")


def fit(params, train_loader, val_loader, n_features, n_classes, trial=None):
    model = TabularMLP(n_features, n_classes, params["hidden"], params["depth"], params["dropout"]).to(DEVICE)
    optimizer = torch.optim.AdamW(model.parameters(), lr=params["lr"], weight_decay=params["weight_decay"])
    best_loss, best_state, bad_epochs = float("inf"), None, 0
    for epoch in range(MAX_EPOCHS):
        train_epoch(model, train_loader, optimizer)
        val_loss, val_acc, val_f1 = evaluate(model, val_loader)
        if trial is not None:
            trial.report(val_loss, epoch)
            if trial.should_prune():
                raise optuna.TrialPruned()
        if val_loss < best_loss:
            best_loss, best_state, bad_epochs = val_loss, copy.deepcopy(model.state_dict()), 0
        else:
            bad_epochs += 1
            if bad_epochs >= PATIENCE:
                break
    model.load_state_dict(best_state)
    return model, best_loss


def main():
    data = fetch_covtype()
    X, y = data.data.astype(np.float32), data.target - 1
    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_train, X_val, y_train, y_val = train_test_split(
        X_tmp, y_tmp, test_size=0.15, stratify=y_tmp, random_state=SEED
    )
    scaler = StandardScaler().fit(X_train)
    X_train, X_val, X_test = (scaler.transform(a) for a in (X_train, X_val, X_test))
    n_features, n_classes = X.shape[1], int(y.max()) + 1
    val_loader = make_loader(X_val, y_val, 4096, shuffle=False)

    def objective(trial):
        params = {
            "hidden": trial.suggest_categorical("hidden", [128, 256, 512]),
            "depth": trial.suggest_int("depth", 2, 4),
            "dropout": trial.suggest_float("dropout", 0.0, 0.4),
            "lr": trial.suggest_float("lr", 1e-4, 3e-3, log=True),
            "weight_decay": trial.suggest_float("weight_decay", 1e-6, 1e-2, log=True),
            "batch_size": trial.suggest_categorical("batch_size", [256, 512, 1024]),
        }
        train_loader = make_loader(X_train, y_train, params["batch_size"], shuffle=True)
        _, best_loss = fit(params, train_loader, val_loader, n_features, n_classes, trial)
        return best_loss

    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=SEED),
                                pruner=optuna.pruners.MedianPruner(n_warmup_steps=5))
    study.optimize(objective, n_trials=25)
    print("best params:", study.best_params, "val loss:", round(study.best_value, 4))

    best = study.best_params
    train_loader = make_loader(X_train, y_train, best["batch_size"], shuffle=True)
    model, _ = fit(best, train_loader, val_loader, n_features, n_classes)
    CKPT.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"state_dict": model.state_dict(), "params": best, "scaler_mean": scaler.mean_,
                "scaler_scale": scaler.scale_}, CKPT)

    test_loss, test_acc, test_f1 = evaluate(model, make_loader(X_test, y_test, 4096, shuffle=False))
    majority = DummyClassifier(strategy="most_frequent").fit(X_train, y_train).predict(X_test)
    print(f"test loss {test_loss:.4f}  acc {test_acc:.4f}  macro-F1 {test_f1:.4f}")
    print(f"majority acc {accuracy_score(y_test, majority):.4f}  "
          f"macro-F1 {f1_score(y_test, majority, average='macro'):.4f}")


if __name__ == "__main__":
    main()
