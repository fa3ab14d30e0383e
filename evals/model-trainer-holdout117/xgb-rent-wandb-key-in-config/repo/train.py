import numpy as np
import pandas as pd
import wandb
import xgboost as xgb
import yaml
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

from features import clean, feature_frame

cfg = yaml.safe_load(open("config.yaml"))
wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(project=cfg["project"], entity=cfg["wandb"]["entity"], name=cfg["run_name"], config=cfg)

df = clean(pd.read_csv(cfg["data"]["path"]))
X = feature_frame(df)
y = np.log(df[cfg["data"]["target"]])

X_trval, X_test, y_trval, y_test = train_test_split(
    X, y, test_size=cfg["data"]["test_size"], random_state=cfg["seed"])
X_train, X_val, y_train, y_val = train_test_split(
    X_trval, y_trval, test_size=cfg["data"]["val_size"], random_state=cfg["seed"])

model = xgb.XGBRegressor(**cfg["xgb"], enable_categorical=True, random_state=cfg["seed"])
model.fit(X_train, y_train, eval_set=[(X_train, y_train), (X_val, y_val)], verbose=500)

pred = np.exp(model.predict(X_test))
truth = np.exp(y_test)
metrics = {
    "best_iteration": model.best_iteration,
    "test_mae_eur": mean_absolute_error(truth, pred),
    "test_mape": float(np.mean(np.abs(pred - truth) / truth)),
    "test_r2_log": r2_score(y_test, np.log(pred)),
}
print(metrics)
wandb.log(metrics)

hist = model.evals_result()
for i, (tr, va) in enumerate(zip(hist["validation_0"]["rmse"], hist["validation_1"]["rmse"])):
    if i % 50 == 0:
        wandb.log({"iter": i, "train_rmse": tr, "val_rmse": va})

model.save_model("artifacts/xgb_rent.json")
run.finish()
