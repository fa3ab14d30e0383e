import argparse
import json
import logging
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, log_loss, precision_recall_curve, roc_auc_score

from .datamodule import ShopperData
from .loop import EarlyStopper, predict, train_epoch
from .net import make_mlp
from .seed import seed_all

log = logging.getLogger("shoppers")


def best_f1_threshold(y, p) -> float:
    prec, rec, thr = precision_recall_curve(y, p)
    f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-12, None)
    return float(thr[np.argmax(f1)])


def report(y, p, threshold: float) -> dict:
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
            "log_loss": log_loss(y, p), "f1@val_thr": f1_score(y, p >= threshold), "threshold": threshold}


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/mlp.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    gen = seed_all(cfg["seed"])
    run_dir = Path(cfg["run_dir"])
    run_dir.mkdir(parents=True, exist_ok=True)

    data = ShopperData(cfg, gen)
    data.setup()
    model = make_mlp(data.n_features, cfg["hidden"], cfg["dropout"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="max", factor=0.5, patience=4)
    pos_rate = float(data.frames["train"][1].mean())
    pos_weight = torch.tensor((1 - pos_rate) / pos_rate, dtype=torch.float32)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    stopper = EarlyStopper(cfg["patience"], run_dir / "best.pt")

    for epoch in range(cfg["max_epochs"]):
        train_loss = train_epoch(model, data.loader("train"), opt, loss_fn)
        y_val, p_val = predict(model, data.loader("val"))
        val_ap = average_precision_score(y_val, p_val)
        sched.step(val_ap)
        log.info("epoch %3d loss %.4f val_ap %.4f", epoch, train_loss, val_ap)
        if stopper.step(val_ap, model, epoch):
            break

    best_epoch = stopper.restore(model)
    y_val, p_val = predict(model, data.loader("val"))
    thr = best_f1_threshold(y_val, p_val)
    y_test, p_test = predict(model, data.loader("test"))

    X_tr, y_tr = data.frames["train"]
    logreg = LogisticRegression(C=0.5, max_iter=5000, class_weight="balanced").fit(X_tr, y_tr)
    lr_thr = best_f1_threshold(y_val, logreg.predict_proba(data.frames["val"][0])[:, 1])
    results = {
        "best_epoch": best_epoch,
        "mlp": report(y_test, p_test, thr),
        "logreg_baseline": report(y_test, logreg.predict_proba(data.frames["test"][0])[:, 1], lr_thr),
    }
    (run_dir / "results.json").write_text(json.dumps(results, indent=2, default=float))
    log.info("test: %s", results)


if __name__ == "__main__":
    main()
