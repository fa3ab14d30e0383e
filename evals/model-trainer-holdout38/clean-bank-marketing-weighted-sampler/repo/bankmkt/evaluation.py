import numpy as np
import torch
from sklearn.metrics import (average_precision_score, f1_score, precision_recall_curve,
                             precision_score, recall_score, roc_auc_score)


@torch.no_grad()
def predict_proba(model, loader):
    model.eval()
    return torch.cat([torch.sigmoid(model(c, n)) for c, n, _ in loader]).numpy()


def f1_optimal_threshold(y_true, proba):
    prec, rec, thr = precision_recall_curve(y_true, proba)
    f1 = 2 * prec[:-1] * rec[:-1] / np.maximum(prec[:-1] + rec[:-1], 1e-12)
    return float(thr[np.argmax(f1)])


def binary_report(y_true, proba, threshold):
    pred = (proba >= threshold).astype(int)
    return {"roc_auc": roc_auc_score(y_true, proba),
            "pr_auc": average_precision_score(y_true, proba),
            "f1": f1_score(y_true, pred),
            "precision": precision_score(y_true, pred),
            "recall": recall_score(y_true, pred),
            "threshold": threshold}
