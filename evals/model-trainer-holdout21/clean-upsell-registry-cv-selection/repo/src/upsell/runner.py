import logging

import mlflow
import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_validate, train_test_split

from .registry import MODELS

log = logging.getLogger(__name__)
CV_SCORING = {"average_precision": "average_precision", "roc_auc": "roc_auc", "neg_log_loss": "neg_log_loss"}


class ExperimentRunner:
    def __init__(self, cfg: dict):
        self.cfg = cfg
        self.seed = cfg["seed"]

    def split(self, df: pd.DataFrame):
        y = df.pop(self.cfg["target"]).astype(int)
        X = df.drop(columns=["account_id"])
        return train_test_split(X, y, test_size=self.cfg["test_size"], stratify=y, random_state=self.seed)

    def compare(self, X_train, y_train) -> pd.DataFrame:
        folds = StratifiedKFold(self.cfg["folds"], shuffle=True, random_state=self.seed)
        rows = []
        for name in self.cfg["models"]:
            est = MODELS[name].factory(self.seed)
            with mlflow.start_run(run_name=f"cv-{name}", nested=True):
                res = cross_validate(est, X_train, y_train, cv=folds, scoring=CV_SCORING)
                row = {"model": name, **{k: float(np.mean(res[f"test_{k}"])) for k in CV_SCORING}}
                mlflow.log_metrics({f"cv_{k}": v for k, v in row.items() if k != "model"})
            rows.append(row)
            log.info("cv %s", row)
        return pd.DataFrame(rows).set_index("model")

    def select(self, board: pd.DataFrame) -> str:
        contenders = board.drop(index=[n for n in board.index if MODELS[n].is_baseline])
        return contenders[self.cfg["selection_metric"]].idxmax()

    def final_test(self, winner: str, X_train, y_train, X_test, y_test) -> dict:
        report = {}
        for name in (winner, "prior"):
            est = clone(MODELS[name].factory(self.seed)).fit(X_train, y_train)
            p = est.predict_proba(X_test)[:, 1]
            report[name] = {"average_precision": average_precision_score(y_test, p),
                            "roc_auc": roc_auc_score(y_test, p), "log_loss": log_loss(y_test, p)}
        return report
