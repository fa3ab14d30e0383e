import logging
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score
from transformers import get_linear_schedule_with_warmup

log = logging.getLogger(__name__)


@torch.no_grad()
def evaluate(model, loader, device) -> dict:
    model.eval()
    preds, gold = [], []
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        logits = model(**batch).logits
        preds.append(logits.argmax(-1).cpu().numpy())
        gold.append(batch["labels"].cpu().numpy())
    y_pred, y_true = np.concatenate(preds), np.concatenate(gold)
    return {"macro_f1": f1_score(y_true, y_pred, average="macro"),
            "accuracy": accuracy_score(y_true, y_pred)}


def train(model, train_loader, val_loader, cfg: dict, device: str) -> dict:
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    total_steps = len(train_loader) * cfg["epochs"]
    scheduler = get_linear_schedule_with_warmup(
        optimizer, int(cfg["warmup_ratio"] * total_steps), total_steps
    )
    out_dir = Path(cfg["output_dir"])
    best_f1, bad = -1.0, 0

    for epoch in range(cfg["epochs"]):
        model.train()
        for step, batch in enumerate(train_loader):
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            if step % 100 == 0:
                log.info("epoch %d step %d loss %.4f", epoch, step, loss.item())

        val = evaluate(model, val_loader, device)
        log.info("epoch %d val %s", epoch, val)
        if val["macro_f1"] > best_f1:
            best_f1, bad = val["macro_f1"], 0
            model.save_pretrained(out_dir / "best")
        else:
            bad += 1
            if bad >= cfg["patience"]:
                break
    return {"best_val_macro_f1": best_f1}
