import argparse
import json
import logging

import numpy as np
import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from parcels.data import ParcelSeries
from parcels.engine import Engine
from parcels.model import TempCNN
from parcels.seeding import fix_seeds

logging.basicConfig(level=logging.INFO)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--npz", default="data/s2_parcels_2022.npz")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--epochs", type=int, default=200)
    args = ap.parse_args()
    gen = fix_seeds(args.seed)

    ds = ParcelSeries(args.npz)
    idx = np.arange(len(ds.y))
    dev_idx, test_idx = train_test_split(idx, test_size=0.2, stratify=ds.y, random_state=args.seed)
    tr_idx, val_idx = train_test_split(dev_idx, test_size=0.15, stratify=ds.y[dev_idx], random_state=args.seed)
    ds.compute_stats(tr_idx)

    mk = lambda ix, sh: DataLoader(ds.subset(ix), batch_size=128, shuffle=sh, generator=gen if sh else None)
    train_dl, val_dl, test_dl = mk(tr_idx, True), mk(val_idx, False), mk(test_idx, False)

    counts = np.bincount(ds.y[tr_idx], minlength=len(ds.classes))
    weights = torch.tensor(counts.sum() / (len(counts) * np.maximum(counts, 1)), dtype=torch.float32)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = TempCNN(n_classes=len(ds.classes))
    engine = Engine(model, torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=1e-5),
                    torch.nn.CrossEntropyLoss(weight=weights.to(device)), device=device, patience=15)
    engine.fit(train_dl, val_dl, args.epochs)

    test = engine.metrics(*engine.predict(test_dl))
    majority = counts.argmax()
    test["majority_oa"] = float((ds.y[test_idx] == majority).mean())
    print(json.dumps(test, indent=2))


if __name__ == "__main__":
    main()
