"""Cross-sell propensity (savings account -> credit card) trained weekly and logged to MLflow."""
import argparse
import logging
from dataclasses import dataclass, field

import mlflow
import mlflow.sklearn
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

logger = logging.getLogger("xsell")


@dataclass
class PropensityTrainer:
    target: str = "took_card_90d"
    features: list = field(default_factory=lambda: [
        "age", "income_band", "balance_avg_6m", "salary_credited", "digital_active_30d",
        "num_products", "tenure_years", "overdraft_used_6m", "mortgage_holder", "branch_visits_12m",
    ])
    test_size: float = 0.25
    n_estimators: int = 600
    min_samples_leaf: int = 25

    def split(self, df: pd.DataFrame):
        return train_test_split(df[self.features], df[self.target], test_size=self.test_size, stratify=df[self.target])

    def build(self):
        return ExtraTreesClassifier(n_estimators=self.n_estimators, min_samples_leaf=self.min_samples_leaf, max_features=0.5, n_jobs=-1)

    @staticmethod
    def metrics(y, p) -> dict:
        return {"roc_auc": roc_auc_score(y, p), "avg_precision": average_precision_score(y, p), "log_loss": log_loss(y, p)}

    def run(self, df: pd.DataFrame) -> dict:
        X_a, X_b, y_a, y_b = self.split(df)
        model = self.build().fit(X_a, y_a)
        base = DummyClassifier(strategy="prior").fit(X_a, y_a)
        out = {
            "model": self.metrics(y_b, model.predict_proba(X_b)[:, 1]),
            "prior": self.metrics(y_b, base.predict_proba(X_b)[:, 1]),
        }
        self.model_ = model
        return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", default="data/xsell_training_base.parquet")
    ap.add_argument("--experiment", default="xsell-credit-card")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    base = pd.read_parquet(args.table)
    trainer = PropensityTrainer()
    mlflow.set_experiment(args.experiment)
    with mlflow.start_run():
        mlflow.log_params({"n_estimators": trainer.n_estimators, "min_samples_leaf": trainer.min_samples_leaf})
        res = trainer.run(base)
        for name, ms in res.items():
            mlflow.log_metrics({f"{name}_{k}": v for k, v in ms.items()})
            logger.info("%s %s", name, ms)
        mlflow.sklearn.log_model(trainer.model_, "model")


if __name__ == "__main__":
    main()
