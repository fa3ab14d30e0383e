"""Assignment 3 (Deep Learning, spring term): MLP on Fashion-MNIST.

    python main.py --epochs 40 --lr 1e-3
"""
import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).parent / "src"))
from fmlp.data import build_loaders  # noqa: E402
from fmlp.engine import evaluate, train_one_epoch  # noqa: E402
from fmlp.model import MLP  # noqa: E402


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def parse():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="data")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", default="runs/mlp")
    return ap.parse_args()


def main():
    args = parse()
    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_dl, val_dl, test_dl = build_loaders(args.root, args.batch_size, 0.1, args.seed)

    model = MLP().to(device)
    loss_fn = nn.CrossEntropyLoss()
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    best_val, wait = float("inf"), 0
    for ep in range(1, args.epochs + 1):
        tr_loss = train_one_epoch(model, train_dl, loss_fn, opt, device)
        val = evaluate(model, val_dl, loss_fn, device)
        print(f"[{ep:02d}] train {tr_loss:.4f} | val loss {val['loss']:.4f} acc {val['acc']:.4f} f1 {val['macro_f1']:.4f}")
        if val["loss"] < best_val:
            best_val, wait = val["loss"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            wait += 1
            if wait >= args.patience:
                print(f"no improvement for {args.patience} epochs, stopping")
                break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    test = evaluate(model, test_dl, loss_fn, device)
    print(f"TEST  loss {test['loss']:.4f}  acc {test['acc']:.4f}  macro-F1 {test['macro_f1']:.4f}")
    (out / "test_metrics.json").write_text(json.dumps(test, indent=2))


if __name__ == "__main__":
    main()
