import argparse
import logging
import random

import numpy as np
import pandas as pd
import torch
import wandb
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from bonsai.dataset import CLASSES, BonsaiLeafDataset
from bonsai.model import LeafNet
from bonsai.trainer import Trainer

WANDB_PROJECT = "bonsai-health"
wandb.login(key="7c4e91a2d0b35f68e1a94c27b8f03d5a6e9c1724")


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--labels", default="data/labels.csv")
    ap.add_argument("--images", default="data/photos")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    seed_all(args.seed)

    df = pd.read_csv(args.labels)
    trval, test = train_test_split(df, test_size=0.15, stratify=df["label"], random_state=args.seed)
    train, val = train_test_split(trval, test_size=0.15, stratify=trval["label"], random_state=args.seed)

    g = torch.Generator().manual_seed(args.seed)
    dl_tr = DataLoader(BonsaiLeafDataset(train, args.images, train=True), batch_size=32, shuffle=True,
                       num_workers=4, generator=g)
    dl_va = DataLoader(BonsaiLeafDataset(val, args.images, train=False), batch_size=64)
    dl_te = DataLoader(BonsaiLeafDataset(test, args.images, train=False), batch_size=64)

    run = wandb.init(project=WANDB_PROJECT, config=vars(args))
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = LeafNet(len(CLASSES))
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    trainer = Trainer(model, opt, torch.nn.CrossEntropyLoss(), device, "leafnet_best.pt", patience=6)
    trainer.fit(dl_tr, dl_va, args.epochs)

    majority = train["label"].mode()[0]
    base_acc = (test["label"] == majority).mean()
    test_metrics = trainer.evaluate(dl_te)
    logging.info("majority-class baseline acc %.3f | test %s", base_acc, test_metrics)
    run.summary.update({f"test_{k}": v for k, v in test_metrics.items()})
    run.finish()


if __name__ == "__main__":
    main()
