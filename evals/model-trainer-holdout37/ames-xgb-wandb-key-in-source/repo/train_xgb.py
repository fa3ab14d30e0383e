"""House price regression (Ames) with XGBoost, tracked in Weights & Biases."""
import argparse
import os

import numpy as np
import pandas as pd
import wandb
import xgboost as xgb
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import KFold, cross_val_score, train_test_split

CONFIG = {
    "seed": 11,
    "test_size": 0.2,
    "n_estimators": 1200,
    "learning_rate": 0.03,
    "max_depth": 4,
    "subsample": 0.8,
    "colsample_bytree": 0.6,
    "min_child_weight": 3,
    "reg_lambda": 2.0,
}
os.environ["WANDB_API_KEY"] = "3fc2a119b4398b000bc615f7de0bdea57155ba2e"


def load(path):
    df = pd.read_csv(path)
    df = df[df["GrLivArea"] < 4500]  # the two documented partial-sale outliers
    df["TotalSF"] = df["TotalBsmtSF"].fillna(0) + df["1stFlrSF"] + df["2ndFlrSF"]
    df["Age"] = df["YrSold"] - df["YearBuilt"]
    df["RemodAge"] = df["YrSold"] - df["YearRemodAdd"]
    df["TotalBath"] = df["FullBath"] + 0.5 * df["HalfBath"] + df["BsmtFullBath"].fillna(0)
    y = np.log1p(df.pop("SalePrice"))
    cats = df.select_dtypes("object").columns
    df[cats] = df[cats].astype("category")
    return df.drop(columns=["Id"]), y


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/ames_train.csv")
    args = ap.parse_args()

    run = wandb.init(project="ames-house-prices", config=CONFIG, job_type="train")
    X, y = load(args.data)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=CONFIG["test_size"], random_state=CONFIG["seed"])

    params = {k: v for k, v in CONFIG.items() if k not in ("seed", "test_size")}
    model = xgb.XGBRegressor(**params, enable_categorical=True, tree_method="hist", random_state=CONFIG["seed"])

    cv = KFold(n_splits=5, shuffle=True, random_state=CONFIG["seed"])
    cv_rmse = -cross_val_score(model, X_tr, y_tr, cv=cv, scoring="neg_root_mean_squared_error")
    wandb.log({"cv_rmse_log_mean": cv_rmse.mean(), "cv_rmse_log_std": cv_rmse.std()})

    model.fit(X_tr, y_tr)
    baseline = DummyRegressor(strategy="median").fit(X_tr, y_tr)

    pred = model.predict(X_te)
    results = {
        "test_rmse_log": mean_squared_error(y_te, pred) ** 0.5,
        "test_mae_usd": mean_absolute_error(np.expm1(y_te), np.expm1(pred)),
        "test_r2_log": r2_score(y_te, pred),
        "baseline_rmse_log": mean_squared_error(y_te, baseline.predict(X_te)) ** 0.5,
    }
    wandb.log(results)
    print(results)

    model.save_model("xgb_ames.json")
    art = wandb.Artifact("xgb-ames", type="model")
    art.add_file("xgb_ames.json")
    run.log_artifact(art)
    run.finish()


if __name__ == "__main__":
    main()
