"""Sleep/wake classification from wrist actigraphy counts with a bidirectional LSTM.

Each night is a sequence of 30-s epochs; the model labels every epoch. Cole-Kripke is the
reference algorithm used as baseline.
"""
import json
import os
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import wandb
from sklearn.metrics import f1_score, roc_auc_score, roc_curve

SEED = 31
CFG = dict(hidden=64, layers=2, dropout=0.25, lr=1e-3, epochs=50, patience=7, chunk=240)


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load_nights(ids):
    df = pd.read_parquet("data/mesa_actigraphy_epochs.parquet", filters=[("subject", "in", ids)])
    nights = []
    for _, n in df.groupby(["subject", "night"]):
        n = n.sort_values("epoch")
        counts = np.log1p(n["activity_count"].to_numpy(np.float32))
        light = np.log1p(n["white_light"].to_numpy(np.float32))
        nights.append((np.stack([counts, light], axis=1), n["wake"].to_numpy(np.float32), n["activity_count"].to_numpy()))
    return nights


def cole_kripke(counts):
    w = np.array([106, 54, 58, 76, 230, 74, 67])
    padded = np.pad(counts.astype(float), (4, 2))
    d = 0.001 * np.array([w @ padded[i:i + 7] for i in range(len(counts))])
    return (d >= 1).astype(int)


class SleepWakeLSTM(nn.Module):
    def __init__(self, n_in=2, hidden=64, layers=2, dropout=0.25):
        super().__init__()
        self.lstm = nn.LSTM(n_in, hidden, layers, batch_first=True, bidirectional=True, dropout=dropout)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(2 * hidden, 1))

    def forward(self, x):
        return self.head(self.lstm(x)[0]).squeeze(-1)


def chunks(nights, size):
    for x, y, _ in nights:
        for s in range(0, len(y), size):
            yield torch.from_numpy(x[None, s:s + size]), torch.from_numpy(y[None, s:s + size])


@torch.no_grad()
def night_scores(model, nights):
    model.eval()
    out = [torch.sigmoid(model(torch.from_numpy(x[None]))).squeeze(0).numpy() for x, _, _ in nights]
    return np.concatenate(out), np.concatenate([y for _, y, _ in nights])


def main():
    seed_everything(SEED)
    wandb.login(key=os.environ["WANDB_API_KEY"])
    run = wandb.init(project="sleep-wake-actigraphy", config={**CFG, "seed": SEED})

    split = json.load(open("splits.json"))
    train, val, test = (load_nights(split[k]) for k in ("train", "val", "test"))
    model = SleepWakeLSTM(hidden=CFG["hidden"], layers=CFG["layers"], dropout=CFG["dropout"])
    opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"])
    pos_weight = torch.tensor(np.mean([1 - y.mean() for _, y, _ in train]) / np.mean([y.mean() for _, y, _ in train]))
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)

    best_auc, bad = 0.0, 0
    for epoch in range(CFG["epochs"]):
        model.train()
        batches = list(chunks(train, CFG["chunk"]))
        random.shuffle(batches)
        for xb, yb in batches:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        val_scores, val_y = night_scores(model, val)
        val_auc = roc_auc_score(val_y, val_scores)
        wandb.log({"epoch": epoch, "train_loss": loss.item(), "val_auroc": val_auc})
        if val_auc > best_auc:
            best_auc, bad = val_auc, 0
            torch.save(model.state_dict(), "sleep_wake_lstm.pt")
        elif (bad := bad + 1) >= CFG["patience"]:
            break

    model.load_state_dict(torch.load("sleep_wake_lstm.pt"))
    val_scores, val_y = night_scores(model, val)
    fpr, tpr, thr = roc_curve(val_y, val_scores)
    threshold = float(thr[np.argmax(tpr - fpr)])

    test_scores, test_y = night_scores(model, test)
    pred = (test_scores >= threshold).astype(int)
    ck = np.concatenate([cole_kripke(c) for _, _, c in test])
    metrics = {
        "threshold_from_val": threshold,
        "test_auroc": roc_auc_score(test_y, test_scores),
        "test_wake_f1": f1_score(test_y, pred),
        "test_sensitivity_wake": float(pred[test_y == 1].mean()),
        "test_specificity_sleep": float(1 - pred[test_y == 0].mean()),
        "cole_kripke_wake_f1": f1_score(test_y, ck),
        "cole_kripke_specificity": float(1 - ck[test_y == 0].mean()),
    }
    print(json.dumps(metrics, indent=2))
    wandb.log(metrics)
    run.finish()


if __name__ == "__main__":
    main()
