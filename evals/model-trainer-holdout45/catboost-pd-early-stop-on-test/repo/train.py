"""Train the SME probability-of-default model with CatBoost."""
import argparse
import json
from pathlib import Path

import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.linear_model import LogisticRegression

from pdmodel.data import load_loans, split
from pdmodel.metrics import pd_metrics


def fit_baseline(X_train, y_train, X_test, num_cols, seed):
    lr = LogisticRegression(max_iter=2000, class_weight="balanced", random_state=seed)
    lr.fit(X_train[num_cols].fillna(X_train[num_cols].median()), y_train)
    return lr.predict_proba(X_test[num_cols].fillna(X_train[num_cols].median()))[:, 1]


def main(cfg_path):
    cfg = yaml.safe_load(open(cfg_path))
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    X, y = load_loans(cfg)
    X_train, X_test, y_train, y_test = split(X, y, cfg)
    cat_cols = cfg["data"]["categorical"]
    num_cols = [c for c in X.columns if c not in cat_cols]
    print(f"train={len(X_train):,} test={len(X_test):,} default rate={y.mean():.2%}")

    train_pool = Pool(X_train, y_train, cat_features=cat_cols)
    test_pool = Pool(X_test, y_test, cat_features=cat_cols)

    params = dict(cfg["catboost"])
    early_stop = params.pop("early_stopping_rounds")
    model = CatBoostClassifier(**params, random_seed=cfg["seed"], verbose=250)
    model.fit(
        train_pool,
        eval_set=test_pool,
        early_stopping_rounds=early_stop,
        use_best_model=True,
    )
    print(f"best iteration: {model.get_best_iteration()}")

    results = {
        "catboost": pd_metrics(y_test, model.predict_proba(test_pool)[:, 1]),
        "logreg_baseline": pd_metrics(y_test, fit_baseline(X_train, y_train, X_test, num_cols, cfg["seed"])),
        "best_iteration": model.get_best_iteration(),
    }
    print(json.dumps(results, indent=2))

    importances = model.get_feature_importance(train_pool, prettified=True)
    importances.to_csv(out_dir / "feature_importance.csv", index=False)
    model.save_model(str(out_dir / "model.cbm"))
    (out_dir / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/sme_pd.yaml")
    main(parser.parse_args().config)
