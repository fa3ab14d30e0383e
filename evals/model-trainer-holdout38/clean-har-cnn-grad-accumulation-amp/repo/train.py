"""Activity recognition from raw UCI-HAR inertial windows with a Conv-GRU.

The official train/test partition is subject-disjoint (21 vs 9 volunteers); we carve a validation
set out of the training volunteers by subject as well.

    python train.py --root "data/UCI HAR Dataset" --epochs 60
"""
import argparse
import json
from pathlib import Path

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader

from har.data import ACTIVITIES, ChannelStandardizer, WindowDataset, load_split
from har.engine import evaluate, train_one_epoch
from har.model import ConvGRU
from har.utils import EarlyStopper, seed_everything


def summary_features(x):
    return np.concatenate([x.mean(2), x.std(2), x.min(2), x.max(2)], axis=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--accum-steps", type=int, default=4)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--out", default="runs/convgru")
    args = ap.parse_args()

    gen = seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    x_all, y_all, subj = load_split(args.root, "train")
    x_test, y_test, _ = load_split(args.root, "test")
    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed)
    tr_idx, va_idx = next(gss.split(x_all, y_all, groups=subj))
    x_tr, y_tr, x_va, y_va = x_all[tr_idx], y_all[tr_idx], x_all[va_idx], y_all[va_idx]

    std = ChannelStandardizer().fit(x_tr)
    x_tr, x_va, x_test = std.transform(x_tr), std.transform(x_va), std.transform(x_test)

    # reference model: multinomial logistic regression on per-channel summary statistics
    baseline = LogisticRegression(max_iter=3000).fit(summary_features(x_tr), y_tr)
    base_pred = baseline.predict(summary_features(x_test))

    train_dl = DataLoader(WindowDataset(x_tr, y_tr), batch_size=args.batch_size, shuffle=True,
                          generator=gen, drop_last=False)
    val_dl = DataLoader(WindowDataset(x_va, y_va), batch_size=256)
    test_dl = DataLoader(WindowDataset(x_test, y_test), batch_size=256)

    model = ConvGRU().to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-2)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")
    stopper = EarlyStopper(patience=8)

    for epoch in range(args.epochs):
        train_loss = train_one_epoch(model, train_dl, optimizer, scaler, device, args.accum_steps)
        scheduler.step()
        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} loss {train_loss:.4f} val_acc {val['acc']:.4f} val_f1 {val['macro_f1']:.4f}")
        if stopper.step(val["macro_f1"]):
            torch.save({"model": model.state_dict(), "epoch": epoch, "val": val}, out / "best.pt")
        if stopper.should_stop:
            print(f"no val improvement for {stopper.patience} epochs, stopping")
            break

    state = torch.load(out / "best.pt", map_location=device)
    model.load_state_dict(state["model"])
    test = evaluate(model, test_dl, device)
    report = {
        "best_epoch": state["epoch"],
        "baseline_test": {"acc": accuracy_score(y_test, base_pred),
                          "macro_f1": f1_score(y_test, base_pred, average="macro")},
        "convgru_test": test,
    }
    print(json.dumps(report, indent=2))
    preds = []
    model.eval()
    with torch.no_grad():
        for x, _ in test_dl:
            preds.append(model(x.to(device)).argmax(1).cpu().numpy())
    print(classification_report(y_test, np.concatenate(preds), target_names=ACTIVITIES, digits=3))


if __name__ == "__main__":
    main()
