"""Training / evaluation steps with mixed precision and gradient accumulation."""
from __future__ import annotations

import numpy as np
import torch
from sklearn.metrics import f1_score


def train_one_epoch(model, loader, optimizer, scheduler, scaler, device, accum_steps: int, max_norm: float = 1.0) -> float:
    model.train()
    optimizer.zero_grad(set_to_none=True)
    running, n_batches = 0.0, 0
    for step, batch in enumerate(loader):
        batch = {k: v.to(device, non_blocking=True) for k, v in batch.items()}
        with torch.autocast(device_type=device.type, dtype=torch.float16, enabled=device.type == "cuda"):
            loss = model(**batch).loss / accum_steps
        scaler.scale(loss).backward()
        running += loss.item() * accum_steps
        n_batches += 1

        last_batch = step + 1 == len(loader)
        if (step + 1) % accum_steps == 0 or last_batch:
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
            scaler.step(optimizer)
            scaler.update()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
    return running / max(n_batches, 1)


@torch.inference_mode()
def evaluate(model, loader, device) -> dict[str, float]:
    model.eval()
    preds, labels = [], []
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        logits = model(**batch).logits
        preds.append(logits.argmax(-1).cpu().numpy())
        labels.append(batch["labels"].cpu().numpy())
    y_pred, y_true = np.concatenate(preds), np.concatenate(labels)
    return {
        "macro_f1": float(f1_score(y_true, y_pred, average="macro")),
        "micro_f1": float(f1_score(y_true, y_pred, average="micro")),
    }
