import numpy as np
from seqeval.metrics import accuracy_score, f1_score, precision_score, recall_score


def build_compute_metrics(id2label):
    def compute_metrics(eval_pred):
        logits, labels = eval_pred
        preds = np.argmax(logits, axis=-1)
        true_seqs, pred_seqs = [], []
        for p_row, l_row in zip(preds, labels):
            keep = l_row != -100
            true_seqs.append([id2label[int(l)] for l in l_row[keep]])
            pred_seqs.append([id2label[int(p)] for p in p_row[keep]])
        return {
            "precision": precision_score(true_seqs, pred_seqs),
            "recall": recall_score(true_seqs, pred_seqs),
            "f1": f1_score(true_seqs, pred_seqs),
            "token_accuracy": accuracy_score(true_seqs, pred_seqs),
        }

    return compute_metrics
