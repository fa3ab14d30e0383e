import numpy as np
import torch
from sklearn.metrics import f1_score


def train_one_epoch(model, loader, optimizer, scheduler, device, max_grad_norm=1.0):
    model.train()
    running = 0.0
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        optimizer.zero_grad()
        out = model(**batch)
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
        optimizer.step()
        scheduler.step()
        running += out.loss.item()
    return running / len(loader)


@torch.no_grad()
def evaluate(model, loader, device):
    all_preds, all_labels = [], []
    for batch in loader:
        batch = {k: v.to(device) for k, v in batch.items()}
        logits = model(**batch).logits
        all_preds.append(logits.argmax(-1).cpu().numpy())
        all_labels.append(batch["labels"].cpu().numpy())
    preds, labels = np.concatenate(all_preds), np.concatenate(all_labels)
    return f1_score(labels, preds, average="macro"), preds
