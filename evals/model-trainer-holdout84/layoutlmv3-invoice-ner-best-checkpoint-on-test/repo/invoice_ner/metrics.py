import numpy as np
from seqeval.metrics import classification_report, f1_score, precision_score, recall_score


def build_compute_metrics(labels):
    def compute_metrics(eval_pred):
        logits, gold = eval_pred
        pred = np.argmax(logits, axis=-1)
        y_true, y_pred = [], []
        for p_row, g_row in zip(pred, gold):
            keep = g_row != -100
            y_true.append([labels[g] for g in g_row[keep]])
            y_pred.append([labels[p] for p in p_row[keep]])
        return {
            "precision": precision_score(y_true, y_pred),
            "recall": recall_score(y_true, y_pred),
            "f1": f1_score(y_true, y_pred),
        }
    return compute_metrics


def entity_report(labels, logits, gold):
    pred = np.argmax(logits, axis=-1)
    y_true = [[labels[g] for g in gr[gr != -100]] for gr in gold]
    y_pred = [[labels[p] for p in pr[gr != -100]] for pr, gr in zip(pred, gold)]
    return classification_report(y_true, y_pred, digits=3)
