import json
import random
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import timm
import torch
from torch.utils.data import DataLoader

sys.path.insert(0, "src")
from cxrfold.config import Config  # noqa: E402
from cxrfold.data import CXRDataset, make_splits, transforms  # noqa: E402
from cxrfold.engine import predict_proba, scores, train_epoch  # noqa: E402


def seed_everything(s):
    random.seed(s); np.random.seed(s); torch.manual_seed(s); torch.cuda.manual_seed_all(s)


def run_fold(cfg, df, k, device):
    tr, va = df[(df.fold >= 0) & (df.fold != k)], df[df.fold == k]
    tr_dl = DataLoader(CXRDataset(tr, cfg.img_dir, transforms(cfg.img_size, True)), cfg.batch_size,
                       shuffle=True, num_workers=6, drop_last=True)
    va_dl = DataLoader(CXRDataset(va, cfg.img_dir, transforms(cfg.img_size, False)), cfg.batch_size * 2, num_workers=6)
    model = timm.create_model(cfg.arch, pretrained=True, num_classes=1).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=0.05)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=cfg.epochs)
    scaler = torch.cuda.amp.GradScaler()
    best, wait, oof = -1.0, 0, None
    for ep in range(cfg.epochs):
        loss = train_epoch(model, tr_dl, opt, scaler, device)
        sched.step()
        p = predict_proba(model, va_dl, device)
        s = scores(va.effusion.values, p)
        print(f"fold {k} ep {ep} loss {loss:.4f} val auroc {s['auroc']:.4f} auprc {s['auprc']:.4f}")
        if s["auroc"] > best:
            best, wait, oof = s["auroc"], 0, p
            torch.save(model.state_dict(), Path(cfg.out_dir) / f"fold{k}.pt")
        else:
            wait += 1
            if wait >= cfg.patience:
                break
    return va.index, oof


def main():
    cfg = Config()
    seed_everything(cfg.seed)
    Path(cfg.out_dir).mkdir(parents=True, exist_ok=True)
    df = make_splits(pd.read_csv(cfg.csv), cfg.n_folds, cfg.test_frac, cfg.seed)
    df.to_csv(Path(cfg.out_dir) / "splits.csv", index=False)
    df["oof"] = np.nan
    for k in range(cfg.n_folds):
        idx, p = run_fold(cfg, df, k, "cuda")
        df.loc[idx, "oof"] = p
    dev = df[df.fold >= 0]
    res = scores(dev.effusion.values, dev.oof.values)
    print("OOF", res)
    json.dump(res, open(Path(cfg.out_dir) / "oof_scores.json", "w"), indent=2)


if __name__ == "__main__":
    main()
