"""Fit a set of candidate pipelines and tabulate their scores."""
import time
from typing import Dict

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score


class Leaderboard:
    def __init__(self):
        self.fitted: Dict[str, object] = {}
        self.table: pd.DataFrame | None = None

    @staticmethod
    def _score(y_true, proba, prefix):
        proba = np.clip(proba, 1e-6, 1 - 1e-6)
        return {
            f"{prefix}_roc_auc": roc_auc_score(y_true, proba),
            f"{prefix}_average_precision": average_precision_score(y_true, proba),
            f"{prefix}_log_loss": log_loss(y_true, proba),
        }

    def evaluate(self, candidates, X_fit, y_fit, X_eval, y_eval, prefix="eval"):
        rows = []
        for name, pipe in candidates.items():
            start = time.perf_counter()
            pipe.fit(X_fit, y_fit)
            elapsed = time.perf_counter() - start
            proba = pipe.predict_proba(X_eval)[:, 1]
            row = {"model": name, "fit_seconds": round(elapsed, 1)}
            row.update(self._score(y_eval, proba, prefix))
            rows.append(row)
            self.fitted[name] = pipe
            print(f"[automl] {name:<14} {row[f'{prefix}_roc_auc']:.4f}  ({elapsed:.1f}s)")
        self.table = pd.DataFrame(rows).set_index("model")
        return self.table
