"""Crack detection for freshly cast bells from tap-test spectra.

usage: python train.py --spectra data/spectra.npy --labels data/labels.npy
"""
import argparse
import logging
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import f1_score, precision_recall_curve
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from bellcheck.engine import Engine
from bellcheck.net import SpectrumCNN
from bellcheck.utils import seed_everything

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("bellcheck")


def loaders(x, y, idx, bs, shuffle):
    ds = TensorDataset(torch.from_numpy(x[idx]).unsqueeze(1), torch.from_numpy(y[idx]))
    return DataLoader(ds, batch_size=bs, shuffle=shuffle)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spectra", required=True)
    ap.add_argument("--labels", required=True)
    ap.add_argument("--epochs", type=int, default=80)
    ap.add_argument("--patience", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1850)
    ap.add_argument("--out", default="runs/bellcheck")
    args = ap.parse_args()
    seed_everything(args.seed)
    out = Path(args.out); out.mkdir(parents=True, exist_ok=True)

    x = np.load(args.spectra).astype(np.float32)   # already log-magnitude, per-spectrum dB scale
    y = np.load(args.labels).astype(np.float32)
    idx = np.arange(len(y))
    tr, te = train_test_split(idx, test_size=0.2, stratify=y, random_state=args.seed)
    tr, va = train_test_split(tr, test_size=0.2, stratify=y[tr], random_state=args.seed)

    pos_weight = torch.tensor((y[tr] == 0).sum() / max((y[tr] == 1).sum(), 1))
    model = SpectrumCNN()
    device = "cuda" if torch.cuda.is_available() else "cpu"
    eng = Engine(model, torch.optim.Adam(model.parameters(), lr=1e-3),
                 torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight.to(device)), device)

    train_dl = loaders(x, y, tr, 16, True)
    val_dl, test_dl = loaders(x, y, va, 64, False), loaders(x, y, te, 64, False)

    best_ap, wait = -1.0, 0
    for epoch in range(args.epochs):
        tr_loss = eng.train_one_epoch(train_dl)
        val_metrics, _, _ = eng.score(val_dl)
        log.info("epoch %02d loss %.4f val_auc %.3f val_ap %.3f", epoch, tr_loss, val_metrics["auc"], val_metrics["ap"])
        if val_metrics["ap"] > best_ap:
            best_ap, wait = val_metrics["ap"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    _, p_val, y_val = eng.score(val_dl)
    prec, rec, thr = precision_recall_curve(y_val, p_val)
    f1 = 2 * prec[:-1] * rec[:-1] / np.maximum(prec[:-1] + rec[:-1], 1e-9)
    threshold = float(thr[np.argmax(f1)])

    test_metrics, p_test, y_test = eng.score(test_dl)
    log.info("TEST auc %.3f ap %.3f (prevalence %.3f) f1@val-threshold %.3f", test_metrics["auc"],
             test_metrics["ap"], y_test.mean(), f1_score(y_test, p_test >= threshold))


if __name__ == "__main__":
    main()
