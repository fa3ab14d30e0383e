import argparse
import json
import logging
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.metrics import accuracy_score, f1_score

from har.data import channel_stats, make_loader, subject_split
from har.engine import evaluate, train_epoch
from har.model import ConvHAR
from har.utils import seed_everything

log = logging.getLogger("har")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/har.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    logging.basicConfig(level=logging.INFO)
    gen = seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    blob = np.load(cfg["data"])
    windows, labels, subjects = blob["windows"], blob["labels"], blob["subjects"]
    tr, va, te = subject_split(subjects, cfg["val_subjects"], cfg["test_subjects"], cfg["seed"])
    mean, std = channel_stats(windows[tr])
    bs = cfg["batch_size"]
    train_dl = make_loader(windows[tr], labels[tr], mean, std, bs, True, gen)
    val_dl = make_loader(windows[va], labels[va], mean, std, bs, False)
    test_dl = make_loader(windows[te], labels[te], mean, std, bs, False)

    n_classes = int(labels.max()) + 1
    model = ConvHAR(windows.shape[1], n_classes).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=3)

    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    best_loss, waited = float("inf"), 0
    for epoch in range(cfg["max_epochs"]):
        tr_loss = train_epoch(model, train_dl, opt, device)
        val = evaluate(model, val_dl, device)
        sched.step(val["loss"])
        log.info("epoch %03d train %.4f val %s", epoch, tr_loss, val)
        if val["loss"] < best_loss - 1e-4:
            best_loss, waited = val["loss"], 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "mean": mean, "std": std}, out / "best.pt")
        else:
            waited += 1
            if waited >= cfg["patience"]:
                log.info("no improvement for %d epochs, stopping", waited)
                break

    ckpt = torch.load(out / "best.pt", map_location=device, weights_only=False)
    model.load_state_dict(ckpt["model"])
    test = evaluate(model, test_dl, device)
    majority = np.bincount(labels[tr]).argmax()
    maj_pred = np.full(int(te.sum()), majority)
    test["majority_accuracy"] = accuracy_score(labels[te], maj_pred)
    test["majority_macro_f1"] = f1_score(labels[te], maj_pred, average="macro")
    (out / "test_metrics.json").write_text(json.dumps(test, indent=2, default=float))
    log.info("test %s", test)


if __name__ == "__main__":
    main()
