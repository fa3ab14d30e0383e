import argparse
import json
import logging

import numpy as np
import torch
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from torch.utils.data import DataLoader, random_split

from genre.dataset import GENRES, MelClipDataset
from genre.model import GenreCNN
from genre.trainer import Trainer
from genre.utils import seed_everything

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--root", default="data/gtzan_mels")
    p.add_argument("--epochs", type=int, default=60)
    p.add_argument("--bs", type=int, default=64)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--out", default="checkpoints/genre_cnn")
    a = p.parse_args()
    seed_everything(a.seed)

    full = MelClipDataset(a.root)
    n = len(full)
    n_val, n_test = int(0.15 * n), int(0.15 * n)
    tr_set, va_set, te_set = random_split(full, [n - n_val - n_test, n_val, n_test],
                                          generator=torch.Generator().manual_seed(a.seed))

    loaders = {
        "train": DataLoader(tr_set, batch_size=a.bs, shuffle=True, num_workers=4, drop_last=True),
        "val": DataLoader(va_set, batch_size=256, num_workers=4),
        "test": DataLoader(te_set, batch_size=256, num_workers=4),
    }
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = GenreCNN(n_classes=len(GENRES))
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=3)
    trainer = Trainer(model, opt, device, a.out, patience=8, scheduler=sched)
    trainer.fit(loaders["train"], loaders["val"], a.epochs)

    _, te_pred, te_gold = trainer.evaluate(loaders["test"])
    majority = np.bincount(full.labels[tr_set.indices].numpy()).argmax()
    report = {
        "test_acc": accuracy_score(te_gold, te_pred),
        "test_macro_f1": f1_score(te_gold, te_pred, average="macro"),
        "majority_class_acc": float((te_gold == majority).mean()),
        "confusion": confusion_matrix(te_gold, te_pred).tolist(),
    }
    print(json.dumps({k: v for k, v in report.items() if k != "confusion"}, indent=2))
    with open(f"{a.out}/test_report.json", "w") as fh:
        json.dump(report, fh)


if __name__ == "__main__":
    main()
