"""Top-quark vs QCD jet tagger (Top Tagging Reference Dataset, jet-level observables)."""
import argparse

import numpy as np
import torch
from sklearn.metrics import roc_auc_score, roc_curve
from torch import nn

from data import FEATURES, make_loaders
from model import JetMLP


def predict(model, loader, device):
    scores, labels = [], []
    with torch.no_grad():
        for xb, yb in loader:
            logits = model(xb.to(device))
            scores.append(torch.sigmoid(logits).cpu().numpy())
            labels.append(yb.numpy())
    return np.concatenate(scores), np.concatenate(labels)


def background_rejection(y, s, sig_eff=0.3):
    fpr, tpr, _ = roc_curve(y, s)
    return 1.0 / fpr[np.searchsorted(tpr, sig_eff)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default="data/toptag")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--batch-size", type=int, default=512)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_dl, val_dl, test_dl, _ = make_loaders(
        f"{args.data_dir}/train.h5", f"{args.data_dir}/val.h5", f"{args.data_dir}/test.h5", args.batch_size
    )
    model = JetMLP(len(FEATURES)).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=args.epochs)
    loss_fn = nn.BCEWithLogitsLoss()

    best_auc = 0.0
    for epoch in range(args.epochs):
        model.train()
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        sched.step()

        s_val, y_val = predict(model, val_dl, device)
        val_auc = roc_auc_score(y_val, s_val)
        print(f"epoch {epoch:02d} loss {loss.item():.4f} val AUC {val_auc:.4f}")
        if val_auc > best_auc:
            best_auc = val_auc
            torch.save(model.state_dict(), "jetmlp_best.pt")

    model.load_state_dict(torch.load("jetmlp_best.pt"))
    s_te, y_te = predict(model, test_dl, device)
    print(f"test AUC {roc_auc_score(y_te, s_te):.4f}  "
          f"1/eps_B @ eps_S=0.3: {background_rejection(y_te, s_te):.1f}")


if __name__ == "__main__":
    main()
