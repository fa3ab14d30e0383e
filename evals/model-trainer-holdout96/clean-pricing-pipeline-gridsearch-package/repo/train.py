"""Train the listing price recommender and register it in MLflow."""
import sys

import mlflow
import mlflow.sklearn
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, r2_score
from sklearn.model_selection import GridSearchCV, KFold, train_test_split

sys.path.insert(0, "src")
from pricing.features import CATEGORICAL, NUMERIC, clean, derive  # noqa: E402
from pricing.pipeline import build  # noqa: E402


def regression_report(y_true, y_pred) -> dict:
    return {
        "mae": mean_absolute_error(y_true, y_pred),
        "mape": mean_absolute_percentage_error(y_true, y_pred),
        "r2": r2_score(y_true, y_pred),
    }


def main(cfg_path: str = "conf/pricing.yaml") -> None:
    cfg = yaml.safe_load(open(cfg_path))
    seed = cfg["seed"]
    np.random.seed(seed)

    raw = pd.read_parquet(cfg["data"]["snapshot"])
    df = derive(clean(raw, cfg["data"]["target"]), snapshot_year=2024)
    X = df[NUMERIC + CATEGORICAL]
    y = df[cfg["data"]["target"]]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["data"]["test_size"], random_state=seed
    )

    cv = KFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=seed)
    search = GridSearchCV(
        build(seed),
        param_grid={k.replace("model__", "model__regressor__"): v for k, v in cfg["search"].items()},
        scoring="neg_mean_absolute_error",
        cv=cv,
        n_jobs=-1,
        refit=True,
    )
    search.fit(X_train, y_train)

    baseline = DummyRegressor(strategy="median").fit(X_train, y_train)
    test_metrics = regression_report(y_test, search.predict(X_test))
    base_metrics = regression_report(y_test, baseline.predict(X_test))

    mlflow.set_experiment(cfg["mlflow"]["experiment"])
    with mlflow.start_run(run_name="monthly-refresh"):
        mlflow.log_params(search.best_params_)
        mlflow.log_metric("cv_mae", -search.best_score_)
        mlflow.log_metrics({f"test_{k}": v for k, v in test_metrics.items()})
        mlflow.log_metrics({f"baseline_{k}": v for k, v in base_metrics.items()})
        mlflow.sklearn.log_model(
            search.best_estimator_,
            artifact_path="model",
            registered_model_name=cfg["mlflow"]["registered_model"],
        )
    print(pd.DataFrame({"model": test_metrics, "median_baseline": base_metrics}).round(4))


if __name__ == "__main__":
    main(*sys.argv[1:])
