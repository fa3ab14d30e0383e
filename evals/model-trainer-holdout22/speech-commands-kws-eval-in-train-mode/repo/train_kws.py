"""Train a small CNN keyword spotter on Google Speech Commands v2 (35 words)."""
import argparse
import logging
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, f1_score
from torch.utils.data import DataLoader
from tqdm import tqdm

from kws.data import Collate, SpeechCommandsSubset, build_label_map
from kws.model import KWSNet

logger = logging.getLogger("kws")


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def run_eval(model, loader, device):
    preds, gold = [], []
    with torch.no_grad():
        for feats, target in loader:
            logits = model(feats.to(device))
            preds.append(logits.argmax(1).cpu())
            gold.append(target)
    preds, gold = torch.cat(preds).numpy(), torch.cat(gold).numpy()
    return accuracy_score(gold, preds), f1_score(gold, preds, average="macro")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default="./data")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1234)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_set = SpeechCommandsSubset(args.root, "training")
    val_set = SpeechCommandsSubset(args.root, "validation")
    test_set = SpeechCommandsSubset(args.root, "testing")
    label_map = build_label_map(train_set)
    collate = Collate(label_map)
    g = torch.Generator().manual_seed(args.seed)
    train_dl = DataLoader(train_set, args.batch_size, shuffle=True, collate_fn=collate, num_workers=4, generator=g)
    val_dl = DataLoader(val_set, 256, collate_fn=collate, num_workers=4)
    test_dl = DataLoader(test_set, 256, collate_fn=collate, num_workers=4)

    model = KWSNet(len(label_map)).to(device)
    optim = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-3)
    sched = torch.optim.lr_scheduler.OneCycleLR(optim, max_lr=2e-3, total_steps=args.epochs * len(train_dl))
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)

    best_f1, stale = -1.0, 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        for feats, target in tqdm(train_dl, desc=f"epoch {epoch}", leave=False):
            feats, target = feats.to(device), target.to(device)
            optim.zero_grad(set_to_none=True)
            loss = criterion(model(feats), target)
            loss.backward()
            optim.step()
            sched.step()
        val_acc, val_f1 = run_eval(model, val_dl, device)
        logger.info("epoch %d  val acc %.4f  val macro-F1 %.4f", epoch, val_acc, val_f1)
        if val_f1 > best_f1:
            best_f1, stale = val_f1, 0
            torch.save({"model": model.state_dict(), "labels": label_map}, "kws_best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                logger.info("no improvement for %d epochs, stopping", stale)
                break

    model.load_state_dict(torch.load("kws_best.pt")["model"])
    test_acc, test_f1 = run_eval(model, test_dl, device)
    logger.info("TEST acc %.4f  macro-F1 %.4f", test_acc, test_f1)


if __name__ == "__main__":
    main()
