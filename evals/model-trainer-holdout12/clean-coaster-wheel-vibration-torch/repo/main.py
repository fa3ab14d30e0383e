import argparse
import json
import logging
import random

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from torch.utils.data import DataLoader

from wheelvib.data import LABELS, SnippetDataset
from wheelvib.net import VibNet
from wheelvib.trainer import Trainer


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--manifest", default="data/manifest.csv")
    ap.add_argument("--root", default="data/snippets")
    ap.add_argument("--out", default="runs/vibnet")
    ap.add_argument("--seed", type=int, default=2718)
    ap.add_argument("--epochs", type=int, default=80)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    man = pd.read_csv(args.manifest)
    parts = {s: man[man["split"] == s] for s in ("train", "val", "test")}
    g = torch.Generator().manual_seed(args.seed)
    dl = {
        "train": DataLoader(SnippetDataset(parts["train"], args.root, augment=True, seed=args.seed),
                            batch_size=32, shuffle=True, generator=g, num_workers=2),
        "val": DataLoader(SnippetDataset(parts["val"], args.root), batch_size=128),
        "test": DataLoader(SnippetDataset(parts["test"], args.root), batch_size=128),
    }

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    counts = parts["train"]["label"].value_counts().reindex(LABELS).to_numpy(dtype=np.float32)
    weights = torch.tensor(counts.sum() / (len(LABELS) * counts), device=device)
    model = VibNet(len(LABELS))
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-2)
    trainer = Trainer(model, opt, torch.nn.CrossEntropyLoss(weight=weights), device, args.out)
    trainer.fit(dl["train"], dl["val"], args.epochs)

    y_te, p_te = trainer.predict(dl["test"])
    majority = LABELS.index(parts["train"]["label"].mode()[0])
    maj = np.full_like(y_te, majority)
    summary = {
        "test_macro_f1": f1_score(y_te, p_te, average="macro"),
        "test_balanced_acc": balanced_accuracy_score(y_te, p_te),
        "majority_macro_f1": f1_score(y_te, maj, average="macro"),
        "majority_balanced_acc": balanced_accuracy_score(y_te, maj),
    }
    print(classification_report(y_te, p_te, target_names=LABELS, digits=3))
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
