"""Train TabResNet on credit-card default; report validation during training, test once at the end."""
import argparse
import json
import logging
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from torch.utils.data import DataLoader, TensorDataset

from credit.data import make_splits
from credit.engine import metrics, predict, train_epoch
from credit.model import TabResNet

log = logging.getLogger("credit")


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--csv", default="data/default_of_credit_card_clients.csv")
    p.add_argument("--seed", type=int, default=77)
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--patience", type=int, default=10)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--out", default="runs/credit_resnet")
    args = p.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    set_seed(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    s = make_splits(pd.read_csv(args.csv), target="default_payment_next_month", seed=args.seed)
    g = torch.Generator().manual_seed(args.seed)
    loader = DataLoader(TensorDataset(s.x_tr, s.y_tr), batch_size=256, shuffle=True, generator=g)

    model = TabResNet(s.x_tr.shape[1])
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-5)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    best, wait, history = float("inf"), 0, []
    for epoch in range(1, args.epochs + 1):
        tr_loss = train_epoch(model, loader, opt, loss_fn)
        val = metrics(s.y_va.numpy(), predict(model, s.x_va))
        history.append({"epoch": epoch, "train_loss": tr_loss, **val})
        log.info("epoch %3d train %.4f | val logloss %.4f auc %.4f ap %.4f", epoch, tr_loss,
                 val["logloss"], val["roc_auc"], val["pr_auc"])
        if val["logloss"] < best - 1e-4:
            best, wait = val["logloss"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            wait += 1
            if wait >= args.patience:
                log.info("no improvement for %d epochs, stopping", args.patience)
                break

    model.load_state_dict(torch.load(out / "best.pt"))
    test_nn = metrics(s.y_te.numpy(), predict(model, s.x_te))
    logreg = LogisticRegression(max_iter=5000).fit(s.x_tr.numpy(), s.y_tr.numpy())
    test_lr = metrics(s.y_te.numpy(), logreg.predict_proba(s.x_te.numpy())[:, 1])
    log.info("TEST resnet %s", test_nn)
    log.info("TEST logreg %s", test_lr)
    (out / "report.json").write_text(json.dumps({"history": history, "test": {"resnet": test_nn, "logreg": test_lr}}, indent=2))


if __name__ == "__main__":
    main()
