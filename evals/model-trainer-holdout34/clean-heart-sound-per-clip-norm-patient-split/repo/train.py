"""Murmur detection with a small CNN on PCG windows; everything is split by patient.

Window -> recording -> patient aggregation by averaging probabilities. The decision threshold is
picked on validation patients and then applied unchanged to the test patients.
"""
import json
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, recall_score, roc_auc_score, roc_curve
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

CFG = {"seed": 2022, "epochs": 50, "lr": 1e-3, "batch": 128, "patience": 7}


def set_seeds(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def patient_split(meta, seed):
    """60/20/20 by patient, stratified on the patient's murmur label."""
    pat = meta.groupby("patient_id").murmur.max()
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    folds = list(sgkf.split(pat.index, pat.values, groups=pat.index))
    test_p = set(pat.index[folds[0][1]])
    val_p = set(pat.index[folds[1][1]])
    role = meta.patient_id.map(lambda p: "test" if p in test_p else "val" if p in val_p else "train")
    return role.to_numpy()


class PCGNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv2d(1, 24, 3, padding=1), nn.BatchNorm2d(24), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(24, 48, 3, padding=1), nn.BatchNorm2d(48), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(48, 96, 3, padding=1), nn.BatchNorm2d(96), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(96, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(1)


def window_probs(model, X, device):
    model.eval()
    out = []
    with torch.no_grad():
        for (xb,) in DataLoader(TensorDataset(torch.from_numpy(X[:, None])), batch_size=512):
            out.append(torch.sigmoid(model(xb.to(device))).cpu())
    return torch.cat(out).numpy()


def to_patient(meta, rec_idx, win_p, mask_rec):
    rec_p = pd.Series(win_p).groupby(rec_idx).mean()
    m = meta[mask_rec].assign(p=rec_p.reindex(np.where(mask_rec)[0]).values)
    agg = m.groupby("patient_id").agg(y=("murmur", "max"), p=("p", "mean"))
    return agg.y.to_numpy(), agg.p.to_numpy()


def report(y, p, thr):
    pred = (p >= thr).astype(int)
    return {"auroc": roc_auc_score(y, p), "auprc": average_precision_score(y, p), "f1": f1_score(y, pred),
            "sensitivity": recall_score(y, pred), "specificity": recall_score(1 - y, 1 - pred)}


def main():
    set_seeds(CFG["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    meta = pd.read_csv("data/circor/recordings.csv")
    arr = np.load("data/circor/windows.npz")
    X, rec_idx, summaries = arr["X"], arr["rec_idx"], arr["summaries"]

    role = patient_split(meta, CFG["seed"])
    y_rec = meta.murmur.to_numpy()
    win_role = role[rec_idx]
    y_win = y_rec[rec_idx].astype(np.float32)

    tr = win_role == "train"
    pos_weight = torch.tensor((1 - y_win[tr]).sum() / y_win[tr].sum(), device=device)
    g = torch.Generator().manual_seed(CFG["seed"])
    train_dl = DataLoader(TensorDataset(torch.from_numpy(X[tr][:, None]), torch.from_numpy(y_win[tr])),
                          batch_size=CFG["batch"], shuffle=True, generator=g)

    model = PCGNet().to(device)
    opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"])
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="max", patience=3, factor=0.5)
    best, stale = -1.0, 0
    for epoch in range(CFG["epochs"]):
        model.train()
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = F.binary_cross_entropy_with_logits(model(xb), yb, pos_weight=pos_weight)
            loss.backward()
            opt.step()
        vm = win_role == "val"
        yv, pv = to_patient(meta, rec_idx[vm], window_probs(model, X[vm], device), role == "val")
        val_auc = roc_auc_score(yv, pv)
        sched.step(val_auc)
        print(f"epoch {epoch} val patient AUROC {val_auc:.4f}")
        if val_auc > best:
            best, stale = val_auc, 0
            torch.save(model.state_dict(), "pcgnet_best.pt")
        else:
            stale += 1
            if stale >= CFG["patience"]:
                break

    model.load_state_dict(torch.load("pcgnet_best.pt"))
    vm, tm = win_role == "val", win_role == "test"
    yv, pv = to_patient(meta, rec_idx[vm], window_probs(model, X[vm], device), role == "val")
    fpr, tpr, thr = roc_curve(yv, pv)
    threshold = float(thr[np.argmax(tpr - fpr)])          # Youden's J on validation patients
    yt, pt = to_patient(meta, rec_idx[tm], window_probs(model, X[tm], device), role == "test")
    cnn = report(yt, pt, threshold)

    # baseline: logistic regression on recording-level MFCC summaries, same patient split
    base = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
    base.fit(summaries[role == "train"], y_rec[role == "train"])
    bv = base.predict_proba(summaries[role == "val"])[:, 1]
    bt = base.predict_proba(summaries[role == "test"])[:, 1]
    yvb, pvb = meta[role == "val"].assign(p=bv).groupby("patient_id").agg(y=("murmur", "max"), p=("p", "mean")).values.T
    ytb, ptb = meta[role == "test"].assign(p=bt).groupby("patient_id").agg(y=("murmur", "max"), p=("p", "mean")).values.T
    f2, t2, th2 = roc_curve(yvb.astype(int), pvb)
    baseline = report(ytb.astype(int), ptb, float(th2[np.argmax(t2 - f2)]))

    print(json.dumps({"threshold": threshold, "cnn_test": cnn, "mfcc_logreg_test": baseline}, indent=2))


if __name__ == "__main__":
    main()
