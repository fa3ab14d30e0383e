import argparse
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader

from birdnet_lite.data import SPECIES, MelClips, mel_band_stats, split_by_site
from birdnet_lite.engine import score, train_one_epoch
from birdnet_lite.model import ChorusCNN
from birdnet_lite.utils import seed_everything

log = logging.getLogger("chorus")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mels", default="data/mels.npy")
    ap.add_argument("--meta", default="data/clips.csv")
    ap.add_argument("--epochs", type=int, default=80)
    ap.add_argument("--patience", type=int, default=10)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=314)
    ap.add_argument("--out", default="runs/chorus")
    a = ap.parse_args()
    gen = seed_everything(a.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    mels = np.load(a.mels, mmap_mode="r")
    meta = pd.read_csv(a.meta)
    tr, va, te = split_by_site(meta, a.seed)
    Y = meta[SPECIES].to_numpy(np.float32)
    mean, std = mel_band_stats(np.asarray(mels[tr.index.to_numpy()]))

    def ds(part):
        rows = part.index.to_numpy()
        return MelClips(np.asarray(mels[rows]), Y[rows], mean, std)

    dl_tr = DataLoader(ds(tr), batch_size=32, shuffle=True, generator=gen, drop_last=True)
    dl_va = DataLoader(ds(va), batch_size=256)
    dl_te = DataLoader(ds(te), batch_size=256)

    model = ChorusCNN(len(SPECIES)).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=1e-3)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=a.epochs)

    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    best, stale = -1.0, 0
    for ep in range(a.epochs):
        tl = train_one_epoch(model, dl_tr, opt, device, gen=gen)
        sched.step()
        vm = score(model, dl_va, device)
        log.info("ep %02d train_loss %.4f val %s", ep, tl, vm)
        if vm["macro_ap"] > best:
            best, stale = vm["macro_ap"], 0
            torch.save({"model": model.state_dict(), "epoch": ep, "val": vm}, out / "best.pt")
        else:
            stale += 1
            if stale >= a.patience:
                log.info("no val improvement for %d epochs, stopping", a.patience)
                break

    model.load_state_dict(torch.load(out / "best.pt")["model"])
    test_metrics = score(model, dl_te, device)
    prevalence = Y[tr.index.to_numpy()].mean(0)
    prior_metrics = {"micro_ap_prior": float(Y[te.index.to_numpy()].mean()),
                     "macro_ap_prior": float(Y[te.index.to_numpy()].mean(0).mean()),
                     "train_prevalence": prevalence.round(4).tolist()}
    (out / "test.json").write_text(json.dumps({"test": test_metrics, "baseline": prior_metrics}, indent=2))
    log.info("TEST %s | baseline %s", test_metrics, prior_metrics)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
