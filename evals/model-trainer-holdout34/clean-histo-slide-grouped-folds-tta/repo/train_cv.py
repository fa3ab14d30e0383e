"""Train one model per slide-grouped fold; writes fold checkpoints and out-of-fold predictions."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import timm
import torch
from torch.utils.data import DataLoader

from src.histo.data import Patches, eval_tfms, split_frame, train_tfms
from src.histo.engine import predict, ranking_metrics, train_one_epoch
from src.histo.utils import load_config, seed_everything

cfg = load_config()
seed_everything(cfg["seed"])
out = Path(cfg["train"]["out_dir"])
out.mkdir(parents=True, exist_ok=True)
device = "cuda"

df = pd.read_csv(cfg["data"]["patches_csv"])
dev, test = split_frame(df, cfg["data"]["test_hospitals"], cfg["data"]["n_folds"], cfg["seed"])
dev.to_csv(out / "dev_folds.csv", index=False)
test.to_csv(out / "test_patches.csv", index=False)

size, tc = cfg["model"]["img_size"], cfg["train"]
oof = np.zeros(len(dev))
for k in range(cfg["data"]["n_folds"]):
    seed_everything(cfg["seed"] + k)
    tr, va = dev[dev.fold != k], dev[dev.fold == k]
    tr_dl = DataLoader(Patches(tr, train_tfms(size)), tc["batch_size"], shuffle=True, num_workers=8, drop_last=True)
    va_dl = DataLoader(Patches(va, eval_tfms(size)), tc["batch_size"] * 2, num_workers=8)
    model = timm.create_model(cfg["model"]["arch"], pretrained=True, num_classes=1).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=0.01)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=tc["lr"], total_steps=tc["epochs"] * len(tr_dl))
    scaler = torch.cuda.amp.GradScaler(enabled=False)  # bf16 autocast needs no loss scaling
    best, wait = -1.0, 0
    for ep in range(tc["epochs"]):
        loss = train_one_epoch(model, tr_dl, opt, sched, scaler, device)
        p = predict(model, va_dl, device)
        m = ranking_metrics(va.tumor.values, p)
        print(f"fold {k} epoch {ep} loss {loss:.4f} val auroc {m['auroc']:.4f} auprc {m['auprc']:.4f}")
        if m["auroc"] > best:
            best, wait = m["auroc"], 0
            torch.save(model.state_dict(), out / f"fold{k}.pt")
        else:
            wait += 1
            if wait >= tc["patience"]:
                break
    # OOF predictions from the selected checkpoint, with the same TTA used at test time
    model.load_state_dict(torch.load(out / f"fold{k}.pt", map_location=device))
    oof[va.index] = predict(model, va_dl, device, tta=True)

dev["oof"] = oof
dev.to_csv(out / "dev_oof.csv", index=False)
json.dump(ranking_metrics(dev.tumor.values, oof), open(out / "oof_metrics.json", "w"), indent=2)
