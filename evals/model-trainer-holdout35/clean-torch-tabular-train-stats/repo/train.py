"""Residual MLP vs. logistic regression on the hospital-readmission tabular extract."""
import argparse
import logging
from pathlib import Path

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

from tabdl.data import make_splits
from tabdl.model import ResMLP
from tabdl.utils import set_seed

log = logging.getLogger("train")


@torch.no_grad()
def score(model, x, y, device, batch_size=4096):
    model.eval()
    probs = torch.cat([torch.sigmoid(model(x[i:i + batch_size].to(device))).cpu()
                       for i in range(0, len(x), batch_size)]).numpy()
    return {"auroc": roc_auc_score(y.numpy(), probs), "ap": average_precision_score(y.numpy(), probs)}, probs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/readmission_features.csv")
    ap.add_argument("--target", default="readmit_30d")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--max-epochs", type=int, default=200)
    ap.add_argument("--patience", type=int, default=15)
    ap.add_argument("--ckpt", default="checkpoints/resmlp_best.pt")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    s = make_splits(args.csv, args.target, args.seed)
    gen = torch.Generator().manual_seed(args.seed)
    loader = DataLoader(TensorDataset(s.x_train, s.y_train), batch_size=256, shuffle=True, generator=gen,
                        drop_last=True)

    model = ResMLP(s.x_train.shape[1]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=1e-3)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="max", factor=0.5, patience=5)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    Path(args.ckpt).parent.mkdir(parents=True, exist_ok=True)

    best, wait = -np.inf, 0
    for epoch in range(1, args.max_epochs + 1):
        model.train()
        running = 0.0
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            running += loss.item() * len(xb)
        val, _ = score(model, s.x_val, s.y_val, device)
        sched.step(val["auroc"])
        log.info("epoch %3d train_loss %.4f val_auroc %.4f val_ap %.4f",
                 epoch, running / len(loader.dataset), val["auroc"], val["ap"])
        if val["auroc"] > best:
            best, wait = val["auroc"], 0
            torch.save({"epoch": epoch, "state_dict": model.state_dict(), "val": val}, args.ckpt)
        else:
            wait += 1
            if wait >= args.patience:
                log.info("early stopping after epoch %d (best val AUROC %.4f)", epoch, best)
                break

    ckpt = torch.load(args.ckpt, map_location=device)
    model.load_state_dict(ckpt["state_dict"])
    test_mlp, _ = score(model, s.x_test, s.y_test, device)

    logreg = LogisticRegression(C=0.1, max_iter=5000).fit(s.x_train.numpy(), s.y_train.numpy())
    p_lr = logreg.predict_proba(s.x_test.numpy())[:, 1]
    test_lr = {"auroc": roc_auc_score(s.y_test.numpy(), p_lr), "ap": average_precision_score(s.y_test.numpy(), p_lr)}
    log.info("TEST  logistic %s | ResMLP (epoch %d) %s", test_lr, ckpt["epoch"], test_mlp)


if __name__ == "__main__":
    main()
