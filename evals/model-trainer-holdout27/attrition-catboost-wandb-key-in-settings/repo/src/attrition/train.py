import logging
from dataclasses import asdict

import numpy as np
from catboost import CatBoostClassifier
from sklearn.compose import make_column_transformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from .dataset import CATEGORICAL, NUMERIC, TARGET, load, split
from .evaluation import pick_threshold, scores
from .settings import Settings
from .tracking import log_metrics, start_run

log = logging.getLogger(__name__)


def baseline_model(seed):
    pre = make_column_transformer(
        (StandardScaler(), NUMERIC), (OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)
    )
    return make_pipeline(pre, LogisticRegression(max_iter=2000, class_weight="balanced", random_state=seed))


def run(settings: Settings):
    np.random.seed(settings.seed)
    run_ = start_run(settings.tracking, asdict(settings))
    train, val, test = split(load(settings.data_path), settings.test_size, settings.val_size, settings.seed)
    feats = NUMERIC + CATEGORICAL

    m = settings.model
    booster = CatBoostClassifier(
        iterations=m.iterations,
        learning_rate=m.learning_rate,
        depth=m.depth,
        l2_leaf_reg=m.l2_leaf_reg,
        eval_metric="PRAUC",
        random_seed=settings.seed,
        verbose=200,
    )
    booster.fit(
        train[feats], train[TARGET], cat_features=CATEGORICAL,
        eval_set=(val[feats], val[TARGET]), early_stopping_rounds=m.early_stopping_rounds,
    )
    base = baseline_model(settings.seed).fit(train[feats], train[TARGET])

    results = {}
    for name, model in [("catboost", booster), ("logreg", base)]:
        thr = pick_threshold(val[TARGET], model.predict_proba(val[feats])[:, 1])
        results[name] = scores(test[TARGET], model.predict_proba(test[feats])[:, 1], thr)
        log.info("%s test: %s (thr=%.3f)", name, results[name], thr)
        log_metrics(run_, results[name], prefix=f"{name}/test_")
    return results


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run(Settings())
