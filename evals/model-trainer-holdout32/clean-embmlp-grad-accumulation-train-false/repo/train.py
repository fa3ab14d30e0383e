"""Tabular net with categorical embeddings for the credit-line default task.

python train.py --data data/splits --accum 4 --epochs 40
(train/valid/test parquet files are produced upstream by make_splits.py, split by customer)
"""
import argparse
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import torch

from tabnet_lite.data import TabularDataset, fit_numeric_stats, make_loader
from tabnet_lite.engine import predict_proba, train_one_epoch, validate
from tabnet_lite.model import EmbMLP
from tabnet_lite.utils import EarlyStopping, metrics_from_proba, seed_everything

NUM = ["credit_limit", "utilisation", "n_late_12m", "income_monthly", "age", "months_on_book", "n_products"]
CAT = ["branch", "segment", "employment_type", "region"]
TARGET = "default_12m"


def parse():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/splits")
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--bs", type=int, default=256)
    p.add_argument("--accum", type=int, default=4, help="gradient accumulation steps")
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=97)
    p.add_argument("--out", default="runs/embmlp")
    return p.parse_args()


def main():
    args = parse()
    seed_everything(args.seed)
    logging.basicConfig(level=logging.INFO)
    log = logging.getLogger("train")
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    tr = pd.read_parquet(Path(args.data) / "train.parquet")
    va = pd.read_parquet(Path(args.data) / "valid.parquet")
    te = pd.read_parquet(Path(args.data) / "test.parquet")

    stats = fit_numeric_stats(tr, NUM)                       # mean/std/median from TRAIN only
    vocab = {c: {v: i + 1 for i, v in enumerate(sorted(tr[c].dropna().unique()))} for c in CAT}  # 0 = unseen
    ds = {name: TabularDataset(d, NUM, CAT, TARGET, stats, vocab) for name, d in [("tr", tr), ("va", va), ("te", te)]}

    g = torch.Generator().manual_seed(args.seed)
    train_dl = make_loader(ds["tr"], args.bs, shuffle=True, generator=g)
    valid_dl = make_loader(ds["va"], 2048)
    test_dl = make_loader(ds["te"], 2048)

    # prior-only baseline: predict the training default rate for everybody
    prior = float(tr[TARGET].mean())
    base_va = metrics_from_proba(va[TARGET].values, np.full(len(va), prior))
    log.info("prior baseline on valid: %s", base_va)

    model = EmbMLP(n_num=len(NUM), cardinalities=[len(vocab[c]) + 1 for c in CAT]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    pos_weight = torch.tensor([(1 - prior) / prior], device=device)
    criterion = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    stopper = EarlyStopping(patience=6, mode="max", path=out / "best.pt")

    for epoch in range(1, args.epochs + 1):
        tr_loss = train_one_epoch(model, train_dl, optimizer, criterion, device, accum_steps=args.accum)
        va_loss, va_metrics = validate(model, valid_dl, criterion, device)
        log.info("epoch %02d train %.4f valid %.4f %s", epoch, tr_loss, va_loss, va_metrics)
        stopper.step(va_metrics["pr_auc"], model)
        if stopper.stop:
            log.info("early stop, best valid pr_auc %.4f", stopper.best)
            break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    p_te = predict_proba(model, test_dl, device)
    result = {"valid_best_pr_auc": stopper.best,
              "test": metrics_from_proba(te[TARGET].values, p_te),
              "test_prior_baseline": metrics_from_proba(te[TARGET].values, np.full(len(te), prior))}
    (out / "result.json").write_text(json.dumps(result, indent=2))
    log.info("TEST %s", result["test"])


if __name__ == "__main__":
    main()
