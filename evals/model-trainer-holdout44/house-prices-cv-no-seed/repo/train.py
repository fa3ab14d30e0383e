"""Ames house prices: compare models with CV on the training split, report the test split once."""
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold, cross_validate, train_test_split

from housing.models import build_models


def main(config_path="config.yaml"):
    with open(config_path) as f:
        cfg = yaml.safe_load(f)

    df = pd.read_csv(cfg["data_path"])
    features = cfg["numeric_features"] + cfg["categorical_features"]
    X = df[features]
    y = np.log1p(df[cfg["target"]])

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=cfg["test_size"])
    cv = KFold(n_splits=cfg["cv_folds"], shuffle=True)

    models = build_models(cfg)
    cv_rmse = {}
    for name, pipe in models.items():
        res = cross_validate(pipe, X_train, y_train, cv=cv,
                             scoring=("neg_root_mean_squared_error", "neg_mean_absolute_error"))
        cv_rmse[name] = -res["test_neg_root_mean_squared_error"].mean()
        print(f"{name:<18} CV RMSE(log)={cv_rmse[name]:.4f} "
              f"MAE(log)={-res['test_neg_mean_absolute_error'].mean():.4f}")

    best = min((n for n in cv_rmse if n != "median_baseline"), key=cv_rmse.get)
    final = models[best].fit(X_train, y_train)
    pred = final.predict(X_test)
    baseline_pred = models["median_baseline"].fit(X_train, y_train).predict(X_test)

    print(f"\nselected: {best}")
    print(f"test RMSE(log) {mean_squared_error(y_test, pred, squared=False):.4f} "
          f"vs baseline {mean_squared_error(y_test, baseline_pred, squared=False):.4f}")
    print(f"test MAE($) {mean_absolute_error(np.expm1(y_test), np.expm1(pred)):,.0f}")


if __name__ == "__main__":
    main()
