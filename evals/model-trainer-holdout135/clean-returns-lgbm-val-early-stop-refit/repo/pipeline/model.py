import lightgbm as lgb
import pandas as pd


def fit_with_early_stopping(train, valid, feats, target, cfg):
    model = lgb.LGBMClassifier(**cfg["lgbm"])
    model.fit(
        train[feats], train[target],
        eval_set=[(valid[feats], valid[target])],
        eval_metric="average_precision",
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"], verbose=False), lgb.log_evaluation(500)],
    )
    return model, model.best_iteration_


def refit(train, valid, feats, target, cfg, n_rounds):
    """Final model on train+valid with the number of rounds found on valid (scaled for the extra data)."""
    full = pd.concat([train, valid])
    params = {**cfg["lgbm"], "n_estimators": int(n_rounds * len(full) / len(train))}
    return lgb.LGBMClassifier(**params).fit(full[feats], full[target])
