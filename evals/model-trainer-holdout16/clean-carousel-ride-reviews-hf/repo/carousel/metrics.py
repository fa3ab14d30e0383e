import numpy as np
from sklearn.metrics import f1_score, accuracy_score, recall_score


def compute_metrics(p):
    preds = p.predictions.argmax(-1)
    return {"macro_f1": f1_score(p.label_ids, preds, average="macro"),
            "safety_recall": recall_score(p.label_ids, preds, labels=[2], average="macro"),
            "accuracy": accuracy_score(p.label_ids, preds)}


def majority_baseline(train_labels, eval_labels):
    majority = np.bincount(train_labels).argmax()
    preds = np.full(len(eval_labels), majority)
    return {"macro_f1": f1_score(eval_labels, preds, average="macro"), "accuracy": accuracy_score(eval_labels, preds)}
