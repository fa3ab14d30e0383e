import numpy as np
import torch
from sklearn.metrics import f1_score, roc_auc_score


def train_one_epoch(model, loader, optimizer, scheduler, device, max_grad_norm=1.0):
    model.train()
    total = 0.0
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        loss = model(**batch).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        total += loss.item()
    return total / len(loader)


def evaluate(model, loader, device):
    model.eval()
    probs, labels = [], []
    with torch.inference_mode():
        for batch in loader:
            labels.append(batch.pop("labels").numpy())
            logits = model(**{k: v.to(device) for k, v in batch.items()}).logits
            probs.append(torch.softmax(logits, dim=-1)[:, 1].cpu().numpy())
    probs, labels = np.concatenate(probs), np.concatenate(labels)
    return {"auc": roc_auc_score(labels, probs), "f1": f1_score(labels, probs >= 0.5)}
