"""Session purchase-propensity model.   python train.py --data data/sessions.parquet"""
import argparse
import logging

import mlflow
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from ctr.config import SEED, XGB_PARAMS
from ctr.data import features_and_label, three_way_split
from ctr.evaluator import Evaluator
from ctr.trainer import BoosterTrainer

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/sessions.parquet")
    ap.add_argument("--experiment", default="purchase-propensity")
    args = ap.parse_args()

    df = pd.read_parquet(args.data)
    train, valid, test = three_way_split(df)
    X_tr, y_tr = features_and_label(train)
    X_va, y_va = features_and_label(valid)
    X_te, y_te = features_and_label(test)

    mlflow.set_experiment(args.experiment)
    with mlflow.start_run():
        mlflow.log_params({k: str(v) for k, v in XGB_PARAMS.items()})
        trainer = BoosterTrainer().fit(X_tr, y_tr, X_va, y_va)
        mlflow.log_metric("best_iteration", trainer.booster.best_iteration)
        mlflow.log_metric("threshold", trainer.threshold)

        num = X_tr.select_dtypes("number").columns
        logit = make_pipeline(StandardScaler(), LogisticRegression(C=0.1, max_iter=3000, random_state=SEED))
        logit.fit(X_tr[num].fillna(0), y_tr)
        logit_va = logit.predict_proba(X_va[num].fillna(0))[:, 1]
        logit_thr = BoosterTrainer._tune_threshold(y_va, logit_va)

        final = Evaluator(X_te, y_te)
        p_logit = logit.predict_proba(X_te[num].fillna(0))[:, 1]
        base = final.evaluate(p_logit, (p_logit >= logit_thr).astype(int))
        xgb_scores = final.evaluate(trainer.predict_proba(X_te), trainer.predict(X_te))
        mlflow.log_metrics({f"test_logit_{k}": v for k, v in base.items()})
        mlflow.log_metrics({f"test_xgb_{k}": v for k, v in xgb_scores.items()})
        mlflow.xgboost.log_model(trainer.booster, "booster")
        logging.info("baseline %s", base)
        logging.info("xgboost  %s", xgb_scores)


if __name__ == "__main__":
    main()
