import numpy as np
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def make_models(model_cfg: dict, seed: int) -> dict:
    return {
        "prior": DummyClassifier(strategy="prior"),
        "logreg": make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=2000)),
        "hgb": HistGradientBoostingClassifier(random_state=seed, **model_cfg),
    }


def pick_threshold(y_true, scores, min_precision: float) -> float:
    """Lowest threshold whose precision reaches the target (maximises recall)."""
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    ok = np.where(precision[:-1] >= min_precision)[0]
    return float(thresholds[ok[0]]) if len(ok) else 0.5


def summarize(y_true, scores, threshold: float) -> dict:
    pred = (scores >= threshold).astype(int)
    tp = int(((pred == 1) & (y_true == 1)).sum())
    return {
        "roc_auc": float(roc_auc_score(y_true, scores)),
        "pr_auc": float(average_precision_score(y_true, scores)),
        "recall": tp / max(int((y_true == 1).sum()), 1),
        "precision": tp / max(int(pred.sum()), 1),
        "threshold": threshold,
    }
