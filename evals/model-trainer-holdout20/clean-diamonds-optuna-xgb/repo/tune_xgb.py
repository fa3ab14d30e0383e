"""Diamond price regression: Optuna-tuned XGBoost vs linear and median baselines."""
import argparse

import numpy as np
import optuna
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import KFold, train_test_split

CUT = {"Fair": 0, "Good": 1, "Very Good": 2, "Premium": 3, "Ideal": 4}
COLOR = {c: i for i, c in enumerate("JIHGFED")}
CLARITY = {c: i for i, c in enumerate(["I1", "SI2", "SI1", "VS2", "VS1", "VVS2", "VVS1", "IF"])}


def load(path):
    df = pd.read_csv(path).drop(columns=["Unnamed: 0"], errors="ignore")
    df = df[(df[["x", "y", "z"]] > 0).all(axis=1)]
    df["cut"], df["color"], df["clarity"] = df["cut"].map(CUT), df["color"].map(COLOR), df["clarity"].map(CLARITY)
    df["volume"] = df["x"] * df["y"] * df["z"]
    df["log_carat"] = np.log(df["carat"])
    return df.drop(columns="price"), np.log(df["price"])


def report(name, y_log, pred_log):
    y, p = np.exp(y_log), np.exp(pred_log)
    print(f"{name:10s} RMSE ${mean_squared_error(y, p) ** 0.5:8.1f}  MAE ${mean_absolute_error(y, p):7.1f}  "
          f"R2(log) {r2_score(y_log, pred_log):.4f}")


def make_objective(X_tr, y_tr, cfg):
    space = cfg["search_space"]
    kf = KFold(cfg["cv_folds"], shuffle=True, random_state=cfg["seed"])

    def objective(trial):
        params = {
            "max_depth": trial.suggest_int("max_depth", *space["max_depth"]),
            "learning_rate": trial.suggest_float("learning_rate", *space["learning_rate"], log=True),
            "min_child_weight": trial.suggest_int("min_child_weight", *space["min_child_weight"]),
            "subsample": trial.suggest_float("subsample", *space["subsample"]),
            "colsample_bytree": trial.suggest_float("colsample_bytree", *space["colsample_bytree"]),
            "reg_lambda": trial.suggest_float("reg_lambda", *space["reg_lambda"], log=True),
        }
        rmses, rounds = [], []
        for fit_idx, val_idx in kf.split(X_tr):
            X_fit, X_val = X_tr.iloc[fit_idx], X_tr.iloc[val_idx]
            y_fit, y_val = y_tr.iloc[fit_idx], y_tr.iloc[val_idx]
            model = xgb.XGBRegressor(n_estimators=3000, early_stopping_rounds=cfg["early_stopping_rounds"],
                                     tree_method="hist", random_state=cfg["seed"], **params)
            model.fit(X_fit, y_fit, eval_set=[(X_val, y_val)], verbose=False)
            rmses.append(mean_squared_error(y_val, model.predict(X_val)) ** 0.5)
            rounds.append(model.best_iteration + 1)
        trial.set_user_attr("n_estimators", int(np.mean(rounds)))
        return float(np.mean(rmses))

    return objective


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="tune.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    np.random.seed(cfg["seed"])

    X, y = load(cfg["data"])
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=cfg["test_size"], random_state=cfg["seed"])

    study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=cfg["seed"]))
    study.optimize(make_objective(X_train, y_train, cfg), n_trials=cfg["n_trials"])
    print("best CV RMSE (log price):", round(study.best_value, 5), study.best_params)

    final = xgb.XGBRegressor(n_estimators=study.best_trial.user_attrs["n_estimators"], tree_method="hist",
                             random_state=cfg["seed"], **study.best_params).fit(X_train, y_train)
    median = DummyRegressor(strategy="median").fit(X_train, y_train)
    linear = LinearRegression().fit(X_train, y_train)

    for name, model in [("median", median), ("linear", linear), ("xgb", final)]:
        report(name, y_test, model.predict(X_test))


if __name__ == "__main__":
    main()
