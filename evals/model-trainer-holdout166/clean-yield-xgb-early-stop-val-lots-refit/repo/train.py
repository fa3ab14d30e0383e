import os

import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error
from xgboost import XGBRegressor

from data import group_split, load_yield_table, xy

with open("settings.yaml") as f:
    S = yaml.safe_load(f)
seed = S["split"]["seed"]

df = load_yield_table(S["data"], S["target"])
features = [c for c in df.columns if c not in S["exclude"]]

dev, test = group_split(df, S["group"], S["split"]["test_frac"], seed)
train, valid = group_split(dev, S["group"], S["split"]["valid_frac"], seed)
X_train, y_train = xy(train, features, S["target"])
X_valid, y_valid = xy(valid, features, S["target"])
print(f"lots train/valid/test: {train.lot_id.nunique()}/{valid.lot_id.nunique()}/{test.lot_id.nunique()}")

# 1) pick the number of boosting rounds on the validation lots
probe = XGBRegressor(**S["xgb"], tree_method="hist", eval_metric="mae",
                     early_stopping_rounds=S["early_stopping_rounds"], random_state=seed)
probe.fit(X_train, y_train, eval_set=[(X_valid, y_valid)], verbose=500)
n_rounds = probe.best_iteration + 1
print(f"best iteration {probe.best_iteration}, valid MAE {probe.best_score:.4f}")

# 2) refit on train+valid lots with that many rounds (no early stopping)
X_dev, y_dev = xy(dev, features, S["target"])
params = {**S["xgb"], "n_estimators": n_rounds}
final = XGBRegressor(**params, tree_method="hist", random_state=seed)
final.fit(X_dev, y_dev)

# 3) test lots
X_test, y_test = xy(test, features, S["target"])
pred = np.clip(final.predict(X_test), 0.0, 1.0)
mae = mean_absolute_error(y_test, pred)
rmse = mean_squared_error(y_test, pred) ** 0.5
base = mean_absolute_error(y_test, np.full_like(y_test, y_dev.mean()))
print(f"test MAE {mae:.4f} | RMSE {rmse:.4f} | mean-yield baseline MAE {base:.4f}")

lot_err = pd.DataFrame({"lot": test.lot_id, "err": pred - y_test}).groupby("lot")["err"].mean()
print("worst lots:\n", lot_err.abs().sort_values(ascending=False).head(5))

os.makedirs(os.path.dirname(S["output"]), exist_ok=True)
final.save_model(S["output"])
