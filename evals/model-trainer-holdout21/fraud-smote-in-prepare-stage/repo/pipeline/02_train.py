"""Split the model table, fit a baseline and the LightGBM model, persist both."""
import json
import logging

import joblib
import lightgbm as lgb
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from fraudml.settings import ARTIFACTS, DATA_DIR, SEED, TARGET

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("train")

PARAMS = dict(n_estimators=800, learning_rate=0.05, num_leaves=63, min_child_samples=50,
              colsample_bytree=0.8, subsample=0.8, subsample_freq=1, reg_alpha=0.1)


def main() -> None:
    table = pd.read_parquet(DATA_DIR / "model_table.parquet")
    X, y = table.drop(columns=[TARGET]), table[TARGET]
    X_train, X_hold, y_train, y_hold = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)

    logreg = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, C=0.3))
    logreg.fit(X_train, y_train)
    gbm = lgb.LGBMClassifier(**PARAMS, random_state=SEED, verbose=-1)
    gbm.fit(X_train, y_train)

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    joblib.dump({"logreg": logreg, "lgbm": gbm}, ARTIFACTS / "models.joblib")
    X_hold.assign(**{TARGET: y_hold}).to_parquet(ARTIFACTS / "holdout.parquet")
    (ARTIFACTS / "params.json").write_text(json.dumps(PARAMS, indent=2))
    log.info("trained on %d rows, holdout %d rows", len(X_train), len(X_hold))


if __name__ == "__main__":
    main()
