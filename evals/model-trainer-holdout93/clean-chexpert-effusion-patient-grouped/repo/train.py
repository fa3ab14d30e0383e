import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from torch.utils.data import DataLoader
from torchvision import models

from chexpert.data import CheXpertFrames, build_transforms
from chexpert.labels import add_patient_id, apply_uncertainty_policy
from chexpert.splits import assign_folds


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    probs = [torch.sigmoid(model(x.to(device))).squeeze(1).cpu() for x, _ in loader]
    return torch.cat(probs).numpy()


def metadata_features(df):
    return np.column_stack([
        df["Age"].fillna(60).values / 100.0,
        (df["Sex"] == "Male").astype(float).values,
        (df["AP/PA"] == "AP").astype(float).values,
    ])


def main(cfg):
    seed_everything(cfg["seed"])
    out_dir = Path(cfg["out_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = pd.read_csv(cfg["data"]["csv"])
    if cfg["data"]["frontal_only"]:
        df = df[df["Frontal/Lateral"] == "Frontal"]
    df = apply_uncertainty_policy(add_patient_id(df), cfg["target"], cfg["uncertainty_policy"])
    df = assign_folds(df, cfg["split"]["n_folds"], cfg["seed"])
    test_df = df[df.fold == cfg["split"]["test_fold"]]
    val_df = df[df.fold == cfg["split"]["val_fold"]]
    train_df = df[~df.fold.isin([cfg["split"]["test_fold"], cfg["split"]["val_fold"]])]

    tc = cfg["train"]
    train_tf, eval_tf = build_transforms(cfg["data"]["image_size"])
    mk = lambda d, tf, sh: DataLoader(CheXpertFrames(d, cfg["data"]["root"], tf), batch_size=tc["batch_size"],
                                      shuffle=sh, num_workers=tc["num_workers"])
    train_loader, val_loader, test_loader = mk(train_df, train_tf, True), mk(val_df, eval_tf, False), mk(test_df, eval_tf, False)

    model = models.densenet121(weights=models.DenseNet121_Weights.IMAGENET1K_V1)
    model.classifier = nn.Linear(model.classifier.in_features, 1)
    model.to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=tc["lr"])
    criterion = nn.BCEWithLogitsLoss()

    best, stale = -np.inf, 0
    for epoch in range(tc["epochs"]):
        model.train()
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(model(x).squeeze(1), y)
            loss.backward()
            optimizer.step()
        val_auc = roc_auc_score(val_df["y"], predict(model, val_loader, device))
        print(f"epoch {epoch}: val AUROC {val_auc:.4f}")
        if val_auc > best:
            best, stale = val_auc, 0
            torch.save(model.state_dict(), out_dir / "best.pt")
        else:
            stale += 1
            if stale >= tc["patience"]:
                break

    model.load_state_dict(torch.load(out_dir / "best.pt", map_location=device))
    val_prob = predict(model, val_loader, device)
    grid = np.linspace(0.05, 0.95, 91)
    thr = float(grid[np.argmax([f1_score(val_df["y"], val_prob >= t) for t in grid])])
    test_prob = predict(model, test_loader, device)

    baseline = LogisticRegression(max_iter=1000).fit(metadata_features(train_df), train_df["y"])
    base_prob = baseline.predict_proba(metadata_features(test_df))[:, 1]

    report = {
        "threshold_from_val": thr,
        "densenet": {"auroc": roc_auc_score(test_df["y"], test_prob),
                     "auprc": average_precision_score(test_df["y"], test_prob),
                     "f1": f1_score(test_df["y"], test_prob >= thr)},
        "metadata_logreg": {"auroc": roc_auc_score(test_df["y"], base_prob),
                            "auprc": average_precision_score(test_df["y"], base_prob)},
    }
    print(json.dumps(report, indent=2))
    (out_dir / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/effusion.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
