from contextlib import contextmanager

import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score


@contextmanager
def eval_mode(model):
    """Switch to eval mode + inference_mode, restoring the previous mode afterwards."""
    was_training = model.training
    model.eval()
    try:
        with torch.inference_mode():
            yield model
    finally:
        model.train(was_training)


def predict_proba(model, loader, device):
    probs, labels = [], []
    with eval_mode(model):
        for ids, lengths, y in loader:
            probs.append(torch.sigmoid(model(ids.to(device), lengths)).cpu().numpy())
            labels.append(y.numpy())
    return np.concatenate(probs), np.concatenate(labels)


def best_threshold(probs, labels):
    grid = np.linspace(0.05, 0.95, 91)
    return float(grid[np.argmax([accuracy_score(labels, probs >= t) for t in grid])])


def summarize(probs, labels, threshold):
    pred = probs >= threshold
    return {"roc_auc": roc_auc_score(labels, probs),
            "accuracy": accuracy_score(labels, pred),
            "f1": f1_score(labels, pred)}
