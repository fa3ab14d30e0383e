"""Spaceship Titanic: LightGBM with stratified CV."""
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold

from features import CATS, SPEND, build_features
from utils import load_config, seed_everything, timer


def run_cv(X, y, X_test, cfg):
    params = dict(cfg["lgb"])
    rounds = params.pop("num_boost_round")
    es = params.pop("early_stopping_rounds")
    skf = StratifiedKFold(n_splits=cfg["cv"]["n_splits"], shuffle=cfg["cv"]["shuffle"])

    oof = {"dummy": np.zeros(len(X)), "logreg": np.zeros(len(X)), "lgb": np.zeros(len(X))}
    test_pred = np.zeros(len(X_test))
    num_cols = [f"log_{c}" for c in SPEND] + ["NoSpend", "GroupSize"]
    for fold, (tr, va) in enumerate(skf.split(X, y)):
        X_tr, X_va, y_tr, y_va = X.iloc[tr], X.iloc[va], y.iloc[tr], y.iloc[va]
        oof["dummy"][va] = DummyClassifier().fit(X_tr, y_tr).predict_proba(X_va)[:, 1]
        lr = LogisticRegression(max_iter=1000).fit(X_tr[num_cols], y_tr)
        oof["logreg"][va] = lr.predict_proba(X_va[num_cols])[:, 1]

        booster = lgb.train(
            params,
            lgb.Dataset(X_tr, y_tr, categorical_feature=CATS),
            num_boost_round=rounds,
            valid_sets=[lgb.Dataset(X_va, y_va, categorical_feature=CATS)],
            callbacks=[lgb.early_stopping(es, verbose=False)],
        )
        oof["lgb"][va] = booster.predict(X_va, num_iteration=booster.best_iteration)
        test_pred += booster.predict(X_test, num_iteration=booster.best_iteration) / skf.n_splits
        print(f"fold {fold}: auc {roc_auc_score(y_va, oof['lgb'][va]):.5f} iters {booster.best_iteration}")
    return oof, test_pred


def main(config_path="config.toml"):
    cfg = load_config(config_path)
    data_dir = Path(cfg["data_dir"])
    train = build_features(pd.read_csv(data_dir / "train.csv"))
    test = build_features(pd.read_csv(data_dir / "test.csv"))
    for col in CATS:
        test[col] = pd.Categorical(test[col], categories=train[col].cat.categories)

    y = train.pop("Transported").astype(int)
    features = [c for c in train.columns if c != "PassengerId"]
    X = train[features].copy()
    X[[f"log_{c}" for c in SPEND]] = X[[f"log_{c}" for c in SPEND]].fillna(0)

    with timer("cv"):
        oof, test_pred = run_cv(X, y, test[features], cfg)

    for name, pred in oof.items():
        print(f"{name:7s} acc {accuracy_score(y, pred > 0.5):.4f} "
              f"auc {roc_auc_score(y, pred):.4f} logloss {log_loss(y, pred):.4f}")

    thresholds = np.arange(0.35, 0.66, 0.01)
    best_t = max(thresholds, key=lambda t: accuracy_score(y, oof["lgb"] > t))
    print(f"OOF-tuned threshold {best_t:.2f}")

    out = Path(cfg["output_dir"])
    out.mkdir(exist_ok=True)
    pd.DataFrame({"PassengerId": test["PassengerId"], "Transported": test_pred > best_t}).to_csv(
        out / "submission.csv", index=False
    )


if __name__ == "__main__":
    main(*sys.argv[1:])
