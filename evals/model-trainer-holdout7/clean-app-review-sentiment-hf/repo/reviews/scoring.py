import numpy as np
from sklearn.metrics import accuracy_score, f1_score


def metrics_from_logits(eval_pred):
    logits, gold = eval_pred
    pred = np.argmax(logits, axis=-1)
    return {"accuracy": accuracy_score(gold, pred), "macro_f1": f1_score(gold, pred, average="macro")}
