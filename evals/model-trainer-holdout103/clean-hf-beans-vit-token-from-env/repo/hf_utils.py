import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score, log_loss


def collate_fn(batch):
    return {
        "pixel_values": torch.stack([x["pixel_values"] for x in batch]),
        "labels": torch.tensor([x["labels"] for x in batch]),
    }


def compute_metrics(eval_pred):
    logits, labels = eval_pred
    probs = torch.tensor(logits).softmax(-1).numpy()
    preds = probs.argmax(-1)
    return {
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
        "log_loss": log_loss(labels, probs, labels=np.arange(probs.shape[1])),
    }


def majority_baseline(train_labels, test_labels):
    majority = np.bincount(train_labels).argmax()
    preds = np.full(len(test_labels), majority)
    return {
        "accuracy": accuracy_score(test_labels, preds),
        "macro_f1": f1_score(test_labels, preds, average="macro"),
    }
