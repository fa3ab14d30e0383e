"""ESC-50 five-fold cross-validation with the official folds.

For each test fold k, the next fold is used for early stopping and the
remaining three folds for training.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from esc50cv.features import BandStandardizer, pooled_stats
from esc50cv.model import LogMelCNN
from esc50cv.utils import EarlyStopping, seed_everything


def loader(X, y, bs, shuffle):
    return DataLoader(TensorDataset(torch.from_numpy(X[:, None]), torch.from_numpy(y).long()),
                      batch_size=bs, shuffle=shuffle)


@torch.no_grad()
def evaluate(model, dl, criterion, device):
    model.eval()
    loss, preds, ys = 0.0, [], []
    for xb, yb in dl:
        xb, yb = xb.to(device), yb.to(device)
        out = model(xb)
        loss += criterion(out, yb).item() * len(yb)
        preds.append(out.argmax(1).cpu().numpy())
        ys.append(yb.cpu().numpy())
    return loss / len(dl.dataset), np.concatenate(ys), np.concatenate(preds)


def run_fold(cfg, X, y, fold, test_fold, device):
    val_fold = test_fold % 5 + 1
    tr, va, te = (fold != test_fold) & (fold != val_fold), fold == val_fold, fold == test_fold

    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, C=0.5))
    baseline.fit(pooled_stats(X[tr]), y[tr])
    base_pred = baseline.predict(pooled_stats(X[te]))

    norm = BandStandardizer().fit(X[tr])
    dls = {name: loader(norm.transform(X[m]), y[m], cfg["batch_size"], name == "train")
           for name, m in [("train", tr), ("val", va), ("test", te)]}

    model = LogMelCNN().to(device)
    criterion = nn.CrossEntropyLoss()
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    stopper = EarlyStopping(cfg["patience"], Path(cfg["checkpoint_dir"]) / f"fold{test_fold}.pt")

    for epoch in range(cfg["max_epochs"]):
        model.train()
        for xb, yb in dls["train"]:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad(set_to_none=True)
            criterion(model(xb), yb).backward()
            opt.step()
        val_loss, yv, pv = evaluate(model, dls["val"], criterion, device)
        if stopper.step(val_loss, model):
            print(f"  fold {test_fold}: stopped at epoch {epoch}")
            break

    stopper.restore(model)
    _, yt, pt = evaluate(model, dls["test"], criterion, device)
    return {
        "cnn_acc": accuracy_score(yt, pt), "cnn_macro_f1": f1_score(yt, pt, average="macro"),
        "logreg_acc": accuracy_score(y[te], base_pred),
        "logreg_macro_f1": f1_score(y[te], base_pred, average="macro"),
    }


def main(cfg):
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    data = np.load(cfg["cache"])
    X, y, fold = data["X"].astype(np.float32), data["y"], data["fold"]

    results = {}
    for test_fold in range(1, 6):
        results[test_fold] = run_fold(cfg, X, y, fold, test_fold, device)
        print(test_fold, results[test_fold])
    summary = {k: float(np.mean([r[k] for r in results.values()])) for k in results[1]}
    print(json.dumps(summary, indent=2))
    Path("results_cv.json").write_text(json.dumps({"folds": results, "mean": summary}, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
