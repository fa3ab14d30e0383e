import argparse
import json
import logging
import random
from pathlib import Path

import numpy as np
import torch

from har.dataset import make_loaders
from har.loops import evaluate, train_step_epoch
from har.net import ConvNet1D

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("har")


def main():
    ap = argparse.ArgumentParser(description="Train a 1D CNN for activity recognition")
    ap.add_argument("--data", default="data/har_windows.npz")
    ap.add_argument("--epochs", type=int, default=80)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--patience", type=int, default=10)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--ckpt", default="checkpoints/har_cnn.pt")
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_dl, val_dl, test_dl = make_loaders(args.data, batch_size=128, seed=args.seed)
    model = ConvNet1D().to(device)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=4)
    loss_fn = torch.nn.CrossEntropyLoss()

    Path(args.ckpt).parent.mkdir(parents=True, exist_ok=True)
    best_loss, wait = float("inf"), 0
    for epoch in range(args.epochs):
        tr_loss = train_step_epoch(model, train_dl, opt, loss_fn, device)
        val = evaluate(model, val_dl, loss_fn, device)
        sched.step(val["loss"])
        log.info("epoch %02d train %.4f val %s", epoch, tr_loss, json.dumps(val))
        if val["loss"] < best_loss - 1e-4:
            best_loss, wait = val["loss"], 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(torch.load(args.ckpt, map_location=device))
    test = evaluate(model, test_dl, loss_fn, device)
    train_labels = torch.cat([yb for _, yb in train_dl])
    majority = int(train_labels.mode().values)
    test_labels = torch.cat([yb for _, yb in test_dl])
    baseline_acc = float((test_labels == majority).float().mean())
    log.info("test %s | majority-class acc %.4f", json.dumps(test), baseline_acc)


if __name__ == "__main__":
    main()
