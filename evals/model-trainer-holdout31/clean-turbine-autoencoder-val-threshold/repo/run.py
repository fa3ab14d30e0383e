"""LSTM autoencoder for early fault detection on wind-turbine SCADA data.

train (2019-2021): fit scaler + autoencoder on normal windows only
val   (2022 H1)  : early stopping on normal reconstruction loss, alert threshold picked by F1
test  (2022 H2+) : scored once with the frozen model and threshold
"""
import json
import logging
import random
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score
from torch.utils.data import DataLoader, TensorDataset

from anomaly.config import Config
from anomaly.data import SIGNALS, chronological_parts, fit_scaler, load, windows
from anomaly.model import LSTMAutoencoder, reconstruction_error

log = logging.getLogger("turbine")


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def pick_threshold(scores, labels):
    cands = np.quantile(scores, np.linspace(0.5, 0.999, 300))
    f1 = [f1_score(labels, scores > c, zero_division=0) for c in cands]
    return float(cands[int(np.argmax(f1))])


def zscore_baseline(X):
    """Max absolute standardised value in the window (no learning)."""
    return np.abs(X).max(axis=(1, 2))


def summary(labels, scores, thr):
    pred = scores > thr
    return {"precision": precision_score(labels, pred, zero_division=0),
            "recall": recall_score(labels, pred, zero_division=0),
            "f1": f1_score(labels, pred, zero_division=0),
            "pr_auc": average_precision_score(labels, scores)}


def main(cfg: Config = Config()):
    logging.basicConfig(level=logging.INFO)
    seed_everything(cfg.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = load(cfg.scada_csv)
    log.info("records %d, fault share %.4f\n%s", len(df), df["fault_flag"].mean(), df[SIGNALS].describe().T)
    train, val, test = chronological_parts(df, cfg.train_end, cfg.val_end)
    scaler = fit_scaler(train)
    X_tr, y_tr = windows(train, scaler, cfg.window, cfg.stride_train)
    X_va, y_va = windows(val, scaler, cfg.window, 1)
    X_te, y_te = windows(test, scaler, cfg.window, 1)
    X_tr = X_tr[y_tr == 0]
    X_va_normal = X_va[y_va == 0]

    loader = DataLoader(TensorDataset(torch.as_tensor(X_tr)), batch_size=cfg.batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(cfg.seed))
    model = LSTMAutoencoder(len(SIGNALS)).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    Path(cfg.ckpt).parent.mkdir(parents=True, exist_ok=True)

    best, stale = np.inf, 0
    for epoch in range(cfg.max_epochs):
        model.train()
        for (xb,) in loader:
            xb = xb.to(device)
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(model(xb), xb)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        val_loss = float(reconstruction_error(model, X_va_normal, device).mean())
        log.info("epoch %d train %.5f val(normal) %.5f", epoch, loss.item(), val_loss)
        if val_loss < best:
            best, stale = val_loss, 0
            torch.save(model.state_dict(), cfg.ckpt)
        else:
            stale += 1
            if stale >= cfg.patience:
                break

    model.load_state_dict(torch.load(cfg.ckpt, map_location=device))
    s_va = reconstruction_error(model, X_va, device)
    s_te = reconstruction_error(model, X_te, device)
    thr = pick_threshold(s_va, y_va)
    b_va, b_te = zscore_baseline(X_va), zscore_baseline(X_te)
    b_thr = pick_threshold(b_va, y_va)

    report = {"lstm_ae": summary(y_te, s_te, thr), "max_z_baseline": summary(y_te, b_te, b_thr),
              "threshold": thr, "test_fault_share": float(y_te.mean())}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
