"""Training / evaluation steps."""
import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score


def train_one_epoch(model, loader, optimizer, scheduler, device, max_grad_norm=1.0):
    model.train()
    total = 0.0
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        optimizer.zero_grad(set_to_none=True)
        loss = model(**batch).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
        optimizer.step()
        scheduler.step()
        total += loss.item()
    return total / max(len(loader), 1)


def predict(model, loader, device):
    all_logits, all_labels = [], []
    with torch.inference_mode():
        for batch in loader:
            batch = {k: v.to(device) for k, v in batch.items()}
            logits = model(**batch).logits
            all_logits.append(logits.float().cpu())
            all_labels.append(batch["labels"].cpu())
    return torch.cat(all_logits).numpy(), torch.cat(all_labels).numpy()


def evaluate(model, loader, device):
    logits, labels = predict(model, loader, device)
    preds = np.argmax(logits, axis=-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
        "weighted_f1": f1_score(labels, preds, average="weighted"),
    }
