"""Train the GRU churn model on 12-month usage sequences."""
import argparse
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from torch import nn

from seqchurn.data import load_arrays, loader, split_and_scale
from seqchurn.model import GRUChurnNet
from seqchurn.utils import init_tracking, set_seed


@torch.no_grad()
def predict(model, dl, device):
    model.eval()
    out = [torch.sigmoid(model(s.to(device), x.to(device))).cpu() for s, x, _ in dl]
    return torch.cat(out).numpy()


def main(cfg):
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    run = init_tracking(cfg)

    splits = split_and_scale(*load_arrays(cfg), cfg)
    o = cfg["optim"]
    train_dl = loader(splits["train"], o["batch_size"], shuffle=True, seed=cfg["seed"])
    val_dl = loader(splits["val"], o["batch_size"], shuffle=False)
    test_dl = loader(splits["test"], o["batch_size"], shuffle=False)
    y_tr, y_val, y_te = splits["train"][2], splits["val"][2], splits["test"][2]

    n_seq, n_static = splits["train"][0].shape[-1], splits["train"][1].shape[-1]
    model = GRUChurnNet(n_seq, n_static, **cfg["model"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=o["lr"], weight_decay=o["weight_decay"])
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - y_tr.mean()) / y_tr.mean(), device=device))

    ckpt_dir = Path(cfg["checkpoint_dir"])
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    best_ap, stale = -np.inf, 0
    for epoch in range(o["max_epochs"]):
        model.train()
        for seq, static, yb in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(seq.to(device), static.to(device)), yb.to(device))
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        p_val = predict(model, val_dl, device)
        val_ap, val_auc = average_precision_score(y_val, p_val), roc_auc_score(y_val, p_val)
        print(f"epoch {epoch:02d} loss={loss.item():.4f} val_ap={val_ap:.4f} val_auc={val_auc:.4f}")
        if run:
            run.log({"epoch": epoch, "val/pr_auc": val_ap, "val/roc_auc": val_auc})
        if val_ap > best_ap:
            best_ap, stale = val_ap, 0
            torch.save(model.state_dict(), ckpt_dir / "best.pt")
        else:
            stale += 1
            if stale >= o["patience"]:
                break

    model.load_state_dict(torch.load(ckpt_dir / "best.pt", map_location=device))
    p_test = predict(model, test_dl, device)

    flat = lambda s: np.hstack([s[0][:, -3:, :].reshape(len(s[0]), -1), s[1]])
    baseline = LogisticRegression(max_iter=3000).fit(flat(splits["train"]), y_tr)
    p_base = baseline.predict_proba(flat(splits["test"]))[:, 1]
    summary = {
        "test/gru_roc_auc": roc_auc_score(y_te, p_test), "test/gru_pr_auc": average_precision_score(y_te, p_test),
        "test/logreg_roc_auc": roc_auc_score(y_te, p_base), "test/logreg_pr_auc": average_precision_score(y_te, p_base),
    }
    print(summary)
    if run:
        run.log(summary)
        run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="train_config.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
