"""Topic classifier for app-store reviews (bug / feature request / praise / pricing / other)."""
import argparse
import json
import logging
from collections import Counter
from pathlib import Path

import pandas as pd
import torch
from sklearn.model_selection import train_test_split

from src.data import make_loader
from src.engine import evaluate, train_one_epoch
from src.model import BagClassifier
from src.utils import seed_everything
from src.vocab import Vocab

log = logging.getLogger("topics")


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/reviews_labelled.csv")
    p.add_argument("--out-dir", default="runs/bag")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--dim", type=int, default=128)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--patience", type=int, default=5)
    return p.parse_args()


def main():
    args = parse_args()
    logging.basicConfig(level=logging.INFO)
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)

    df = pd.read_csv(args.data).dropna(subset=["text", "topic"])
    classes = sorted(df["topic"].unique())
    df["y"] = df["topic"].map({c: i for i, c in enumerate(classes)})

    train_df, rest = train_test_split(df, test_size=0.3, stratify=df["y"], random_state=args.seed)
    val_df, test_df = train_test_split(rest, test_size=0.5, stratify=rest["y"], random_state=args.seed)

    vocab = Vocab(train_df["text"], min_freq=2)
    gen = torch.Generator().manual_seed(args.seed)
    train_dl = make_loader(train_df["text"], train_df["y"].tolist(), vocab, args.batch_size, True, gen)
    val_dl = make_loader(val_df["text"], val_df["y"].tolist(), vocab, 256, False)
    test_dl = make_loader(test_df["text"], test_df["y"].tolist(), vocab, 256, False)

    model = BagClassifier(len(vocab), args.dim, len(classes)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)

    best_f1, bad_epochs = -1.0, 0
    for epoch in range(1, args.epochs + 1):
        train_loss = train_one_epoch(model, train_dl, optimizer, device)
        val = evaluate(model, val_dl, device)
        log.info("epoch %02d train_loss=%.4f val_loss=%.4f val_f1=%.4f", epoch, train_loss, val["loss"], val["macro_f1"])
        if val["macro_f1"] > best_f1:
            best_f1, bad_epochs = val["macro_f1"], 0
            torch.save(model.state_dict(), out_dir / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                log.info("early stopping at epoch %d", epoch)
                break

    model.load_state_dict(torch.load(out_dir / "best.pt", map_location=device))
    test = evaluate(model, test_dl, device)
    majority = Counter(train_df["y"]).most_common(1)[0][0]
    test["majority_accuracy"] = float((test_df["y"] == majority).mean())
    log.info("test: %s", test)
    (out_dir / "test_metrics.json").write_text(json.dumps(test, indent=2))


if __name__ == "__main__":
    main()
