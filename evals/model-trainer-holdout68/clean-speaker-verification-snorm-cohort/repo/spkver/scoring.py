import numpy as np
from sklearn.metrics import roc_curve


def cosine_scores(trials, embs):
    return np.array([embs[e] @ embs[t] for e, t in zip(trials["enroll"], trials["test"])])


def adaptive_snorm(trials, embs, cohort, top_k):
    """Adaptive symmetric score normalisation against a fixed cohort (rows of `cohort`)."""
    scores = []
    for e, t in zip(trials["enroll"], trials["test"]):
        raw = embs[e] @ embs[t]
        ce = np.sort(cohort @ embs[e])[-top_k:]
        ct = np.sort(cohort @ embs[t])[-top_k:]
        scores.append(0.5 * ((raw - ce.mean()) / ce.std() + (raw - ct.mean()) / ct.std()))
    return np.array(scores)


def eer(labels, scores):
    fpr, tpr, _ = roc_curve(labels, scores)
    i = np.nanargmin(np.abs((1 - tpr) - fpr))
    return float((fpr[i] + 1 - tpr[i]) / 2)


def min_dcf(labels, scores, p_target=0.01):
    fpr, tpr, _ = roc_curve(labels, scores)
    dcf = (1 - tpr) * p_target + fpr * (1 - p_target)
    return float(dcf.min() / min(p_target, 1 - p_target))
