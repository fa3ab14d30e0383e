import json
import logging

import xgboost as xgb
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import QuantileTransformer

from gmsc.data import load, split
from gmsc.params import DATA, SEED, XGB

logger = logging.getLogger("gmsc")


def metric_block(y, p):
    return {"auc": round(roc_auc_score(y, p), 5),
            "avg_precision": round(average_precision_score(y, p), 5),
            "log_loss": round(log_loss(y, p), 5)}


def main():
    logging.basicConfig(level=logging.INFO)
    (X_train, y_train), (X_valid, y_valid), (X_test, y_test) = split(load(DATA))
    logger.info("train %d / valid %d / test %d", len(X_train), len(X_valid), len(X_test))

    scorecard = make_pipeline(
        SimpleImputer(strategy="median"),
        QuantileTransformer(n_quantiles=200, output_distribution="normal", random_state=SEED),
        LogisticRegression(C=0.1, max_iter=3000),
    ).fit(X_train, y_train)

    booster = xgb.XGBClassifier(**XGB)
    booster.fit(X_train, y_train, eval_set=[(X_valid, y_valid)], verbose=500)
    logger.info("early stopping chose %d trees (valid auc %.5f)", booster.best_iteration + 1, booster.best_score)

    results = {
        "scorecard_valid": metric_block(y_valid, scorecard.predict_proba(X_valid)[:, 1]),
        "xgb_valid": metric_block(y_valid, booster.predict_proba(X_valid)[:, 1]),
        "scorecard_test": metric_block(y_test, scorecard.predict_proba(X_test)[:, 1]),
        "xgb_test": metric_block(y_test, booster.predict_proba(X_test)[:, 1]),
    }
    booster.save_model("artifacts/gmsc_xgb.json")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
