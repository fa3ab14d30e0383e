"""Hand-crafted-feature baseline (RR-free morphology summary + logistic regression)."""
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, f1_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def morphology(x: np.ndarray) -> np.ndarray:
    return np.concatenate([x.mean(2), x.std(2), x.max(2), x.min(2), np.abs(np.diff(x, axis=2)).mean(2)], axis=1)


def logistic_baseline(x_tr, y_tr, x_va, y_va, seed: int) -> dict:
    clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, class_weight="balanced", random_state=seed))
    clf.fit(morphology(x_tr), y_tr)
    pred = clf.predict(morphology(x_va))
    return {"baseline_val_macro_f1": f1_score(y_va, pred, average="macro"),
            "baseline_val_balanced_acc": balanced_accuracy_score(y_va, pred)}
