import argparse
import logging
import random
from collections import Counter
from pathlib import Path

import numpy as np
import torch

from kws.config import KWSConfig
from kws.dataset import loaders
from kws.model import KWSNet
from kws.train_loop import evaluate, train_one_epoch

log = logging.getLogger("kws")


def main(cfg: KWSConfig):
    random.seed(cfg.seed)
    np.random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    g = torch.Generator().manual_seed(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_dl, val_dl, test_dl, labels = loaders(cfg, g)
    model = KWSNet(len(labels), cfg.sample_rate, cfg.n_mels).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg.epochs)
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")

    Path(cfg.ckpt).parent.mkdir(parents=True, exist_ok=True)
    best_val, bad = float("inf"), 0
    for epoch in range(cfg.epochs):
        tr_loss = train_one_epoch(model, train_dl, optimizer, scaler, cfg, device)
        scheduler.step()
        val = evaluate(model, val_dl, device)
        log.info("epoch %02d train %.4f val %s", epoch, tr_loss, val)
        if val["loss"] < best_val:
            best_val, bad = val["loss"], 0
            torch.save({"model": model.state_dict(), "labels": labels, "epoch": epoch}, cfg.ckpt)
        else:
            bad += 1
            if bad >= cfg.patience:
                log.info("early stop at epoch %d", epoch)
                break

    model.load_state_dict(torch.load(cfg.ckpt, map_location=device)["model"])
    test = evaluate(model, test_dl, device)
    train_counts = Counter(item[2] for item in train_dl.dataset)
    majority = labels.index(train_counts.most_common(1)[0][0])
    test_gold = np.concatenate([t.numpy() for _, t in test_dl])
    test["majority_baseline_accuracy"] = float((test_gold == majority).mean())
    log.info("test (best-val checkpoint): %s", test)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/kws_small.yaml")
    main(KWSConfig.load(ap.parse_args().config))
