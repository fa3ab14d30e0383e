import argparse
import logging
from pathlib import Path

import numpy as np
import torch
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from wafer.data import WaferMaps, load_wafer_maps
from wafer.model import WaferCNN
from wafer.utils import seed_everything, worker_init

log = logging.getLogger("wafer")


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    probs = []
    for xb, _ in loader:
        with torch.autocast(device.type, enabled=device.type == "cuda"):
            probs.append(torch.sigmoid(model(xb.to(device)).float()).cpu())
    return torch.cat(probs).numpy()


def main(args) -> None:
    gen = seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    maps, labels = load_wafer_maps(args.data)
    idx = np.arange(len(labels))
    tr_idx, tmp_idx = train_test_split(idx, test_size=0.3, stratify=labels, random_state=args.seed)
    va_idx, te_idx = train_test_split(tmp_idx, test_size=0.5, stratify=labels[tmp_idx], random_state=args.seed)

    train_maps = torch.from_numpy(maps[tr_idx])
    mu, sigma = train_maps.mean().item(), train_maps.std().item()
    make = lambda ids, aug=False: WaferMaps(maps[ids], labels[ids], mu, sigma, augment=aug)
    train_dl = DataLoader(make(tr_idx, aug=True), batch_size=args.batch, shuffle=True, generator=gen,
                          num_workers=4, worker_init_fn=worker_init, drop_last=True)
    val_dl = DataLoader(make(va_idx), batch_size=512, num_workers=4)
    test_dl = DataLoader(make(te_idx), batch_size=512, num_workers=4)

    model = WaferCNN().to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=5e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=args.epochs)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    grad_scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")
    ckpt = Path(args.out) / "wafer_cnn_best.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best, since_best = -np.inf, 0
    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad(set_to_none=True)
        for it, (xb, yb) in enumerate(train_dl, start=1):
            with torch.autocast(device.type, enabled=device.type == "cuda"):
                loss = loss_fn(model(xb.to(device)), yb.to(device)) / args.accum
            grad_scaler.scale(loss).backward()
            if it % args.accum == 0 or it == len(train_dl):
                grad_scaler.step(opt)
                grad_scaler.update()
                opt.zero_grad(set_to_none=True)
        sched.step()

        val_auc = roc_auc_score(labels[va_idx], predict(model, val_dl, device))
        log.info("epoch %d val ROC-AUC %.4f", epoch, val_auc)
        if val_auc > best:
            best, since_best = val_auc, 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "mu": mu, "sigma": sigma}, ckpt)
        elif (since_best := since_best + 1) >= args.patience:
            log.info("no improvement for %d epochs, stopping", args.patience)
            break

    model.load_state_dict(torch.load(ckpt, map_location=device)["model"])
    p_val = predict(model, val_dl, device)
    grid = np.linspace(0.05, 0.95, 91)
    thr = grid[np.argmax([f1_score(labels[va_idx], p_val >= t) for t in grid])]

    p_test = predict(model, test_dl, device)
    y_test = labels[te_idx]
    flat = lambda ids: maps[ids].reshape(len(ids), -1)
    lr = LogisticRegression(C=0.05, max_iter=3000).fit(flat(tr_idx), labels[tr_idx])
    p_lr = lr.predict_proba(flat(te_idx))[:, 1]
    p_prior = DummyClassifier(strategy="prior").fit(flat(tr_idx), labels[tr_idx]).predict_proba(flat(te_idx))[:, 1]
    log.info("CNN    test ROC-AUC %.4f PR-AUC %.4f F1@val-thr %.4f", roc_auc_score(y_test, p_test),
             average_precision_score(y_test, p_test), f1_score(y_test, p_test >= thr))
    log.info("LogReg test ROC-AUC %.4f PR-AUC %.4f", roc_auc_score(y_test, p_lr), average_precision_score(y_test, p_lr))
    log.info("Prior  test PR-AUC %.4f", average_precision_score(y_test, p_prior))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=Path("data/wafer_maps_64.npz"))
    ap.add_argument("--out", default="checkpoints")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--accum", type=int, default=4)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--patience", type=int, default=6)
    ap.add_argument("--seed", type=int, default=8)
    main(ap.parse_args())
