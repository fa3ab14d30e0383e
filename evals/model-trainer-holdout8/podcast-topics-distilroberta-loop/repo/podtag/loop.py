import numpy as np
import torch
from sklearn.metrics import f1_score


def run_epoch(model, loader, optim, sched, device):
    model.train()
    running = 0.0
    for step, batch in enumerate(loader):
        batch = {k: v.to(device) for k, v in batch.items()}
        out = model(**batch)
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optim.step()
        sched.step()
        running += out.loss.item()
    return running / (step + 1)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    probs, gold = [], []
    for batch in loader:
        labels = batch.pop("labels")
        logits = model(**{k: v.to(device) for k, v in batch.items()}).logits
        probs.append(torch.sigmoid(logits).cpu().numpy())
        gold.append(labels.numpy())
    return np.concatenate(probs), np.concatenate(gold)


def best_threshold(probs, gold):
    grid = np.linspace(0.1, 0.9, 33)
    f1s = [f1_score(gold, probs >= t, average="micro", zero_division=0) for t in grid]
    return float(grid[int(np.argmax(f1s))])


def report(probs, gold, thr):
    hard = probs >= thr
    return {
        "micro_f1": f1_score(gold, hard, average="micro", zero_division=0),
        "macro_f1": f1_score(gold, hard, average="macro", zero_division=0),
        "samples_f1": f1_score(gold, hard, average="samples", zero_division=0),
    }
