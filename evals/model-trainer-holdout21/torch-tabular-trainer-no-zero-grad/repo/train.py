"""Entry point: python train.py --data data/cohort.csv --epochs 60"""
import argparse
import json
import logging

import numpy as np
import torch
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

from tabular_dl.data import build_loaders
from tabular_dl.model import TabularResNet
from tabular_dl.trainer import Trainer
from tabular_dl.utils import seed_everything

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/cohort.csv")
    p.add_argument("--epochs", type=int, default=60)
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--weight-decay", type=float, default=1e-4)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out", default="runs/tabresnet")
    return p.parse_args()


def main():
    args = parse_args()
    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_dl, val_dl, test_dl, pos_weight = build_loaders(args.data, args.batch_size, args.seed)
    n_features = train_dl.dataset.tensors[0].shape[1]

    model = TabularResNet(n_features)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=args.lr * 10, total_steps=args.epochs * len(train_dl)
    )
    criterion = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight, device=device))

    trainer = Trainer(model, optimizer, scheduler, criterion, device, ckpt_dir=args.out, log_dir=args.out)
    summary = trainer.fit(train_dl, val_dl, args.epochs)

    test_metrics = trainer.evaluate(test_dl)
    y_tr = train_dl.dataset.tensors[1].numpy()
    y_te = test_dl.dataset.tensors[1].numpy()
    prior = DummyClassifier(strategy="prior").fit(np.zeros((len(y_tr), 1)), y_tr)
    prior_p = prior.predict_proba(np.zeros((len(y_te), 1)))[:, 1]
    summary["test"] = test_metrics
    summary["baseline_prior"] = {"roc_auc": roc_auc_score(y_te, prior_p), "pr_auc": average_precision_score(y_te, prior_p)}
    print(json.dumps(summary, indent=2, default=float))


if __name__ == "__main__":
    main()
