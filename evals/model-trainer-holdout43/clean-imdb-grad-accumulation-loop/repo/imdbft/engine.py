"""Training / evaluation steps for long-sequence fine-tuning with gradient accumulation."""
import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score


def train_one_epoch(model, loader, optimizer, scheduler, device, accum_steps, max_grad_norm):
    model.train()
    optimizer.zero_grad(set_to_none=True)
    total, n_batches = 0.0, len(loader)
    for step, batch in enumerate(loader, start=1):
        batch = {k: v.to(device) for k, v in batch.items()}
        loss = model(**batch).loss / accum_steps
        loss.backward()
        total += loss.item() * accum_steps
        if step % accum_steps == 0 or step == n_batches:
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
    return total / n_batches


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    scores, labels = [], []
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        logits = model(**batch).logits
        scores.append(torch.softmax(logits, dim=-1)[:, 1].cpu().numpy())
        labels.append(batch["labels"].cpu().numpy())
    scores, labels = np.concatenate(scores), np.concatenate(labels)
    preds = (scores >= 0.5).astype(int)
    return {
        "accuracy": accuracy_score(labels, preds),
        "f1": f1_score(labels, preds),
        "roc_auc": roc_auc_score(labels, scores),
    }
