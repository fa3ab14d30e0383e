"""Policy-lapse network: train with validation-based early stopping, keep the best checkpoint, test once."""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from lapse.data import NUM_COLS, TARGET, Prepared
from lapse.model import LapseNet
from lapse.utils import get_logger, set_seed

log = get_logger("lapse")


@torch.no_grad()
def infer(net, dl, device):
    net.eval()
    ps, ys = [], []
    for x_num, x_cat, y in dl:
        ps.append(torch.sigmoid(net(x_num.to(device), x_cat.to(device))).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


def metrics(y, p):
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p), "brier": brier_score_loss(y, p)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--policies", default="data/inforce_policies.parquet")
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--max-epochs", type=int, default=100)
    ap.add_argument("--patience", type=int, default=10)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--ckpt-dir", default="checkpoints")
    args = ap.parse_args()

    gen = set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    policies = pd.read_parquet(args.policies)

    prep = Prepared(args.seed)
    train_df, valid_df, test_df = prep.split(policies)
    prep.fit(train_df)
    train_dl = prep.loader(train_df, 1024, shuffle=True, generator=gen)
    valid_dl = prep.loader(valid_df, 8192, shuffle=False)

    net = LapseNet(len(NUM_COLS), prep.cardinalities).to(device)
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=3)
    loss_fn = torch.nn.BCEWithLogitsLoss()

    ckpt = Path(args.ckpt_dir) / f"lapsenet_seed{args.seed}.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best_loss, stale = np.inf, 0
    for epoch in range(1, args.max_epochs + 1):
        net.train()
        total = 0.0
        for x_num, x_cat, y in train_dl:
            x_num, x_cat, y = x_num.to(device), x_cat.to(device), y.to(device)
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(net(x_num, x_cat), y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item() * y.size(0)

        yv, pv = infer(net, valid_dl, device)
        val_loss = float(torch.nn.functional.binary_cross_entropy(torch.tensor(pv), torch.tensor(yv)))
        sched.step(val_loss)
        log.info("epoch %3d train %.4f valid %.4f valid_auc %.4f", epoch, total / len(train_df), val_loss, roc_auc_score(yv, pv))
        if val_loss < best_loss - 1e-4:
            best_loss, stale = val_loss, 0
            torch.save({"epoch": epoch, "state_dict": net.state_dict(), "val_loss": val_loss}, ckpt)
        else:
            stale += 1
            if stale >= args.patience:
                log.info("early stopping after epoch %d", epoch)
                break

    state = torch.load(ckpt, map_location=device)
    net.load_state_dict(state["state_dict"])
    yt, pt = infer(net, prep.loader(test_df, 8192, shuffle=False), device)

    x_tr = prep.scaler.transform(train_df[NUM_COLS])
    baseline = LogisticRegression(C=1.0, max_iter=2000).fit(x_tr, train_df[TARGET])
    pb = baseline.predict_proba(prep.scaler.transform(test_df[NUM_COLS]))[:, 1]
    log.info("best epoch %d | TEST net %s | TEST logit(num only) %s", state["epoch"], metrics(yt, pt), metrics(test_df[TARGET], pb))


if __name__ == "__main__":
    main()
