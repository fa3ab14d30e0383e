"""ResNet-18 on 13-band EuroSAT-MS patches, split by Sentinel-2 acquisition."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, cohen_kappa_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader

from s2lc.net import build_resnet18
from s2lc.tiles import N_BANDS, PatchDataset, band_means_table, band_statistics
from s2lc.utils import seed_everything, seed_worker


def split(index, frac, seed):
    """One stratified fold of size ~frac with whole acquisitions kept together."""
    n_splits = int(round(1 / frac))
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    rest, held = next(sgkf.split(index, index["label"], groups=index["acquisition_id"]))
    return index.iloc[rest].reset_index(drop=True), index.iloc[held].reset_index(drop=True)


@torch.no_grad()
def run_eval(model, loader, device, criterion):
    model.eval()
    losses, preds, ys = [], [], []
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        out = model(x)
        losses.append(criterion(out, y).item() * len(y))
        preds.append(out.argmax(1).cpu())
        ys.append(y.cpu())
    preds, ys = torch.cat(preds).numpy(), torch.cat(ys).numpy()
    return sum(losses) / len(ys), preds, ys


def main():
    p = yaml.safe_load(open("params.yaml"))
    seed_everything(p["seed"])
    run_dir = Path(p["run_dir"])
    run_dir.mkdir(parents=True, exist_ok=True)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    index = pd.read_csv(p["index_csv"])
    trainval, test = split(index, p["test_fraction"], p["seed"])
    train, val = split(trainval, p["val_fraction"], p["seed"] + 1)
    mean, std = band_statistics(train["path"])
    np.savez(run_dir / "norm.npz", mean=mean, std=std)

    g = torch.Generator().manual_seed(p["seed"])
    common = dict(batch_size=p["batch_size"], num_workers=p["workers"], worker_init_fn=seed_worker)
    train_dl = DataLoader(PatchDataset(train.path, train.label, mean, std, True), shuffle=True, generator=g, **common)
    val_dl = DataLoader(PatchDataset(val.path, val.label, mean, std, False), **common)
    test_dl = DataLoader(PatchDataset(test.path, test.label, mean, std, False), **common)

    n_classes = index["label"].nunique()
    model = build_resnet18(N_BANDS, n_classes).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=p["lr"], weight_decay=p["weight_decay"])
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=p["lr"] * 4, total_steps=p["max_epochs"] * len(train_dl))
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)

    best, since_best = float("inf"), 0
    for epoch in range(p["max_epochs"]):
        model.train()
        for x, y in train_dl:
            x, y = x.to(device), y.to(device)
            opt.zero_grad(set_to_none=True)
            loss = criterion(model(x), y)
            loss.backward()
            opt.step()
            sched.step()
        val_loss, vp, vy = run_eval(model, val_dl, device, criterion)
        print(f"epoch {epoch:02d} val_loss {val_loss:.4f} val_acc {accuracy_score(vy, vp):.4f} "
              f"val_f1 {f1_score(vy, vp, average='macro'):.4f}")
        if val_loss < best - 1e-4:
            best, since_best = val_loss, 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "norm": (mean, std)}, run_dir / "best.pt")
        else:
            since_best += 1
            if since_best >= p["patience"]:
                break

    model.load_state_dict(torch.load(run_dir / "best.pt", map_location=device, weights_only=False)["model"])
    _, tp, ty = run_eval(model, test_dl, device, criterion)

    # baselines on per-patch band means: majority class and multinomial logistic regression
    F_train, F_test = band_means_table(train.path), band_means_table(test.path)
    base = {
        "majority": DummyClassifier(strategy="most_frequent").fit(F_train, train.label).predict(F_test),
        "band_mean_logreg": LogisticRegression(max_iter=3000).fit(F_train, train.label).predict(F_test),
        "resnet18": tp,
    }
    report = {name: {"overall_accuracy": accuracy_score(ty, pred),
                     "macro_f1": f1_score(ty, pred, average="macro"),
                     "kappa": cohen_kappa_score(ty, pred)} for name, pred in base.items()}
    print(json.dumps(report, indent=2))
    (run_dir / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
