import json
import logging
from pathlib import Path

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from claims.config import Settings
from claims.data import CATEGORICAL, NUMERIC, TARGET, learn_categories, load, three_way_split, to_lgb_frame
from claims.metrics import best_f1_threshold, summarize

log = logging.getLogger("claims")


def lgb_model(s: Settings, n_estimators: int, pos_weight: float):
    return lgb.LGBMClassifier(
        n_estimators=n_estimators, learning_rate=s.learning_rate, num_leaves=s.num_leaves,
        min_child_samples=s.min_child_samples, colsample_bytree=s.feature_fraction,
        subsample=s.bagging_fraction, subsample_freq=1, scale_pos_weight=pos_weight,
        random_state=s.seed, verbose=-1,
    )


def main(s: Settings = Settings()):
    logging.basicConfig(level=logging.INFO)
    np.random.seed(s.seed)
    df = load(s.data_path)
    train, valid, test = three_way_split(df, s.test_size, s.valid_size, s.seed)
    cats = learn_categories(train)
    pos_weight = float((train[TARGET] == 0).sum() / (train[TARGET] == 1).sum())

    # 1) early stopping on validation
    probe = lgb_model(s, 10_000, pos_weight)
    probe.fit(to_lgb_frame(train, cats), train[TARGET],
              eval_set=[(to_lgb_frame(valid, cats), valid[TARGET])], eval_metric="average_precision",
              callbacks=[lgb.early_stopping(300, verbose=False)])
    best_iter = probe.best_iteration_
    threshold = best_f1_threshold(valid[TARGET], probe.predict_proba(to_lgb_frame(valid, cats))[:, 1])
    log.info("best iteration %d, validation threshold %.3f", best_iter, threshold)

    # 2) refit on train + validation with the iteration count found above
    dev = pd.concat([train, valid])
    dev_cats = learn_categories(dev)
    final = lgb_model(s, int(best_iter * s.refit_iteration_scale), pos_weight)
    final.fit(to_lgb_frame(dev, dev_cats), dev[TARGET])

    baseline = make_pipeline(
        make_column_transformer((OneHotEncoder(handle_unknown="ignore"), CATEGORICAL), (StandardScaler(), NUMERIC)),
        LogisticRegression(max_iter=3000, class_weight="balanced"),
    ).fit(train[NUMERIC + CATEGORICAL], train[TARGET])
    base_thr = best_f1_threshold(valid[TARGET], baseline.predict_proba(valid[NUMERIC + CATEGORICAL])[:, 1])

    # 3) single test report
    report = {
        "lightgbm": summarize(test[TARGET], final.predict_proba(to_lgb_frame(test, dev_cats))[:, 1], threshold),
        "logreg_baseline": summarize(test[TARGET], baseline.predict_proba(test[NUMERIC + CATEGORICAL])[:, 1], base_thr),
        "best_iteration": int(best_iter),
    }
    out = Path(s.artifact_dir)
    out.mkdir(exist_ok=True)
    (out / "test_report.json").write_text(json.dumps(report, indent=2, default=float))
    joblib.dump({"model": final, "categories": dev_cats, "threshold": threshold}, out / "claims_lgbm.joblib")
    log.info(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
