import logging
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
from torch import nn

log = logging.getLogger(__name__)


def run_epoch(model, loader, optimizer, scaler, loss_fn, device, accum_steps: int, grad_clip: float) -> float:
    model.train()
    optimizer.zero_grad(set_to_none=True)
    total, n_batches = 0.0, len(loader)
    for step, (xb, yb) in enumerate(loader):
        xb, yb = xb.to(device), yb.to(device)
        with torch.autocast(device_type=device, dtype=torch.float16, enabled=(device == "cuda")):
            loss = loss_fn(model(xb), yb) / accum_steps
        scaler.scale(loss).backward()
        total += loss.item() * accum_steps
        if (step + 1) % accum_steps == 0 or (step + 1) == n_batches:
            scaler.unscale_(optimizer)
            nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
            scaler.step(optimizer)
            scaler.update()
            optimizer.zero_grad(set_to_none=True)
    return total / n_batches


@torch.no_grad()
def evaluate(model, loader, device) -> dict:
    model.eval()
    preds, gold = [], []
    for xb, yb in loader:
        preds.append(model(xb.to(device)).argmax(dim=1).cpu().numpy())
        gold.append(yb.numpy())
    y_pred, y_true = np.concatenate(preds), np.concatenate(gold)
    return {"macro_f1": f1_score(y_true, y_pred, average="macro"),
            "balanced_acc": balanced_accuracy_score(y_true, y_pred),
            "accuracy": accuracy_score(y_true, y_pred)}


def fit(model, loaders, cfg: dict, device: str) -> Path:
    tc = cfg["train"]
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    scaler = torch.cuda.amp.GradScaler(enabled=(device == "cuda"))
    loss_fn = nn.CrossEntropyLoss()
    ckpt = Path(cfg["ckpt_dir"]) / "best.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best, wait = -1.0, 0
    for epoch in range(tc["max_epochs"]):
        loss = run_epoch(model, loaders["train"], optimizer, scaler, loss_fn, device,
                         tc["accum_steps"], tc["grad_clip"])
        val = evaluate(model, loaders["val"], device)
        log.info("epoch %d loss %.4f val %s", epoch, loss, val)
        if val["macro_f1"] > best:
            best, wait = val["macro_f1"], 0
            torch.save({"epoch": epoch, "model": model.state_dict(), "val": val}, ckpt)
        else:
            wait += 1
            if wait >= tc["patience"]:
                log.info("early stop after epoch %d (best val macro-F1 %.4f)", epoch, best)
                break
    return ckpt
