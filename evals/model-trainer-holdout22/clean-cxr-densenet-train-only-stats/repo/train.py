"""Pneumonia detection: DenseNet-121 vs. a logistic-regression thumbnail baseline (patient-level splits)."""
import argparse
import json
import logging
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader
from torchvision import models

from cxr.data import CXRFrame, make_transforms, mean_std, patient_split, thumbnails
from cxr.utils import seed_everything, sens_spec

log = logging.getLogger("cxr")


def parse():
    ap = argparse.ArgumentParser()
    ap.add_argument("--manifest", default="data/cxr_manifest.csv")
    ap.add_argument("--root", default="data/png")
    ap.add_argument("--size", type=int, default=320)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--patience", type=int, default=4)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--out-dir", default="runs/densenet")
    return ap.parse_args()


def build_model():
    net = models.densenet121(weights=models.DenseNet121_Weights.IMAGENET1K_V1)
    w = net.features.conv0.weight.data.mean(dim=1, keepdim=True)
    net.features.conv0 = nn.Conv2d(1, 64, 7, 2, 3, bias=False)
    net.features.conv0.weight.data = w
    net.classifier = nn.Linear(net.classifier.in_features, 1)
    return net


@torch.no_grad()
def scores(model, loader, device):
    model.eval()
    out, ys = [], []
    for x, y in loader:
        out.append(torch.sigmoid(model(x.to(device)).squeeze(1)).cpu())
        ys.append(y)
    return torch.cat(out).numpy(), torch.cat(ys).numpy()


def youden_threshold(y, p):
    fpr, tpr, thr = roc_curve(y, p)
    return float(thr[np.argmax(tpr - fpr)])


def main():
    args = parse()
    logging.basicConfig(level=logging.INFO)
    seed_everything(args.seed)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    frame = pd.read_csv(args.manifest)
    frame.groupby("label")["patient_id"].nunique().plot.bar(title="patients per class (all data)")
    plt.savefig(out / "class_balance.png")
    plt.close()

    train_df, val_df, test_df = patient_split(frame, args.seed)
    mean, std = mean_std(train_df, args.root, args.size)
    log.info("train-split pixel stats: mean %.4f std %.4f", mean, std)
    train_tf, eval_tf = make_transforms(args.size, mean, std)

    g = torch.Generator().manual_seed(args.seed)
    train_dl = DataLoader(CXRFrame(train_df, args.root, train_tf), 24, shuffle=True, num_workers=6, generator=g)
    val_dl = DataLoader(CXRFrame(val_df, args.root, eval_tf), 64, num_workers=6)
    test_dl = DataLoader(CXRFrame(test_df, args.root, eval_tf), 64, num_workers=6)

    model = build_model().to(device)
    pos_weight = torch.tensor((train_df.label == 0).sum() / (train_df.label == 1).sum(), device=device)
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=1e-4)

    best_ap, stale = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x).squeeze(1), y)
            loss.backward()
            optimizer.step()
        p_val, y_val = scores(model, val_dl, device)
        ap = average_precision_score(y_val, p_val)
        log.info("epoch %d val AUROC %.4f AP %.4f", epoch, roc_auc_score(y_val, p_val), ap)
        if ap > best_ap:
            best_ap, stale = ap, 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    p_val, y_val = scores(model, val_dl, device)
    thr = youden_threshold(y_val, p_val)

    baseline = make_pipeline(StandardScaler(), LogisticRegression(C=0.05, max_iter=4000))
    baseline.fit(thumbnails(train_df, args.root), train_df.label)
    b_val = baseline.predict_proba(thumbnails(val_df, args.root))[:, 1]
    b_thr = youden_threshold(val_df.label, b_val)

    p_test, y_test = scores(model, test_dl, device)
    b_test = baseline.predict_proba(thumbnails(test_df, args.root))[:, 1]
    results = {}
    for name, p, t in [("densenet121", p_test, thr), ("thumb_logreg", b_test, b_thr)]:
        sens, spec = sens_spec(y_test, p >= t)
        results[name] = {"auroc": roc_auc_score(y_test, p), "ap": average_precision_score(y_test, p),
                         "threshold": t, "sensitivity": sens, "specificity": spec}
    (out / "test_metrics.json").write_text(json.dumps(results, indent=2, default=float))
    log.info(json.dumps(results, indent=2, default=float))


if __name__ == "__main__":
    main()
