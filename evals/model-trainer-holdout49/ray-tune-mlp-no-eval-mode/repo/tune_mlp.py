"""Ray Tune search over a tabular MLP for equipment failure prediction."""
import os
import random
import tempfile

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from ray import train, tune
from ray.train import Checkpoint
from ray.tune.schedulers import ASHAScheduler
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

SEED = 1234
FEATURES = ["vibration_rms", "vibration_peak", "bearing_temp", "motor_current",
            "oil_pressure", "rpm", "hours_since_service", "ambient_temp"]


def seed_everything(seed=SEED):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class FailureMLP(nn.Module):
    def __init__(self, n_in, hidden, n_layers, dropout):
        super().__init__()
        layers, width = [], n_in
        for _ in range(n_layers):
            layers += [nn.Linear(width, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(dropout)]
            width = hidden
        layers.append(nn.Linear(width, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x).squeeze(-1)


def loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, drop_last=shuffle)


def evaluate(model, dl, loss_fn):
    total, probs, labels = 0.0, [], []
    with torch.no_grad():
        for xb, yb in dl:
            logits = model(xb)
            total += loss_fn(logits, yb).item() * len(yb)
            probs.append(torch.sigmoid(logits))
            labels.append(yb)
    probs, labels = torch.cat(probs).numpy(), torch.cat(labels).numpy()
    return total / len(labels), roc_auc_score(labels, probs), average_precision_score(labels, probs)


def trainable(config, data):
    seed_everything()
    X_tr, y_tr, X_va, y_va = data
    model = FailureMLP(X_tr.shape[1], config["hidden"], config["n_layers"], config["dropout"])
    opt = torch.optim.AdamW(model.parameters(), lr=config["lr"], weight_decay=config["wd"])
    pos_weight = torch.tensor((1 - y_tr.mean()) / y_tr.mean(), dtype=torch.float32)
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    train_dl = loader(X_tr, y_tr, config["batch_size"], shuffle=True)
    val_dl = loader(X_va, y_va, 1024, shuffle=False)

    for epoch in range(config["max_epochs"]):
        model.train()
        for xb, yb in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        val_loss, val_auc, val_ap = evaluate(model, val_dl, loss_fn)
        with tempfile.TemporaryDirectory() as tmp:
            torch.save(model.state_dict(), os.path.join(tmp, "model.pt"))
            train.report({"val_loss": val_loss, "val_auc": val_auc, "val_ap": val_ap, "epoch": epoch},
                         checkpoint=Checkpoint.from_directory(tmp))


def main():
    seed_everything()
    df = pd.read_csv("data/sensor_windows.csv")
    X, y = df[FEATURES].to_numpy(), df["failure_next_7d"].to_numpy()
    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_tr, X_va, y_tr, y_va = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=SEED)
    scaler = StandardScaler().fit(X_tr)
    X_tr, X_va, X_te = scaler.transform(X_tr), scaler.transform(X_va), scaler.transform(X_test)

    space = {
        "hidden": tune.choice([64, 128, 256]),
        "n_layers": tune.choice([1, 2, 3]),
        "dropout": tune.uniform(0.0, 0.5),
        "lr": tune.loguniform(1e-4, 3e-3),
        "wd": tune.loguniform(1e-6, 1e-2),
        "batch_size": tune.choice([128, 256, 512]),
        "max_epochs": 60,
    }
    scheduler = ASHAScheduler(max_t=60, grace_period=8, reduction_factor=3)
    tuner = tune.Tuner(
        tune.with_parameters(trainable, data=(X_tr, y_tr, X_va, y_va)),
        param_space=space,
        tune_config=tune.TuneConfig(metric="val_ap", mode="max", scheduler=scheduler,
                                    num_samples=40, search_alg=None),
    )
    best = tuner.fit().get_best_result(metric="val_ap", mode="max", scope="all")
    cfg = best.config
    model = FailureMLP(X_tr.shape[1], cfg["hidden"], cfg["n_layers"], cfg["dropout"])
    with best.checkpoint.as_directory() as ckpt_dir:
        model.load_state_dict(torch.load(os.path.join(ckpt_dir, "model.pt")))

    _, test_auc, test_ap = evaluate(model, loader(X_te, y_test, 1024, shuffle=False), nn.BCEWithLogitsLoss())
    dummy = DummyClassifier(strategy="prior").fit(X_tr, y_tr)
    print(f"best config: {cfg}")
    print(f"test roc_auc={test_auc:.4f} pr_auc={test_ap:.4f} "
          f"(prior baseline pr_auc={average_precision_score(y_test, dummy.predict_proba(X_te)[:, 1]):.4f})")


if __name__ == "__main__":
    main()
