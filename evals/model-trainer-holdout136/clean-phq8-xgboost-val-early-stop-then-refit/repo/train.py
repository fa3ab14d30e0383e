import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

from data import features, load

cfg = yaml.safe_load(open("config.yaml"))
seed = cfg["seed"]
np.random.seed(seed)

df = load(cfg["data"]["path"], cfg["data"]["target"])
X, y = df[features()], df[cfg["data"]["target"]]

X_trval, X_test, y_trval, y_test = train_test_split(
    X, y, test_size=cfg["data"]["test_size"], random_state=seed
)
X_tr, X_val, y_tr, y_val = train_test_split(
    X_trval, y_trval, test_size=cfg["data"]["val_size"], random_state=seed
)

# 1) pick the number of trees on the validation split
selector = xgb.XGBRegressor(
    **cfg["xgb"], early_stopping_rounds=cfg["early_stopping_rounds"], random_state=seed
)
selector.fit(X_tr, y_tr, eval_set=[(X_val, y_val)], verbose=False)
n_trees = selector.best_iteration + 1
print(f"best iteration on validation: {n_trees}  val RMSE {selector.best_score:.3f}")

# 2) refit on train+validation with that number of trees (XGBoost handles NaN natively)
params = {**cfg["xgb"], "n_estimators": n_trees}
final = xgb.XGBRegressor(**params, random_state=seed)
final.fit(X_trval, y_trval, verbose=False)

# 3) single evaluation on the untouched test split
pred = np.clip(final.predict(X_test), 0, 24)
metrics = {
    "n_trees": int(n_trees),
    "test_mae": float(mean_absolute_error(y_test, pred)),
    "test_r2": float(r2_score(y_test, pred)),
    "baseline_mae": float(mean_absolute_error(y_test, np.full(len(y_test), y_trval.median()))),
}
print(json.dumps(metrics, indent=2))

out = Path(cfg["out_dir"])
out.mkdir(parents=True, exist_ok=True)
final.save_model(out / "model.json")
(out / "metrics.json").write_text(json.dumps(metrics, indent=2))
pd.Series(final.feature_importances_, index=X.columns).sort_values(ascending=False).to_csv(
    out / "importance.csv"
)
