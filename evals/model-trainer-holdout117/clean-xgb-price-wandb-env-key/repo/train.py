import json
import os

import numpy as np
import pandas as pd
import wandb
import xgboost as xgb
from sklearn.model_selection import train_test_split

from metrics import price_metrics

with open("config.json") as f:
    cfg = json.load(f)

wandb.login(key=os.environ[cfg["wandb"]["api_key_env"]])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                 tags=cfg["wandb"]["tags"], config={k: v for k, v in cfg.items() if k != "wandb"})

kc = pd.read_csv(cfg["data_path"], dtype={"zipcode": "category"})
kc["age"] = 2015 - kc["yr_built"]
kc["renovated"] = (kc["yr_renovated"] > 0).astype(int)
kc["log_sqft_living"] = np.log(kc["sqft_living"])
kc["log_sqft_lot"] = np.log(kc["sqft_lot"])
features = ["bedrooms", "bathrooms", "log_sqft_living", "log_sqft_lot", "floors", "waterfront",
            "view", "condition", "grade", "sqft_basement", "age", "renovated", "zipcode",
            "lat", "long", "sqft_living15", "sqft_lot15"]
X, y = kc[features], np.log(kc["price"])

X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=cfg["test_size"], random_state=cfg["seed"])
X_tr, X_val, y_tr, y_val = train_test_split(X_dev, y_dev, test_size=cfg["val_size"], random_state=cfg["seed"])

model = xgb.XGBRegressor(**cfg["xgb"], enable_categorical=True, random_state=cfg["seed"])
model.fit(X_tr, y_tr, eval_set=[(X_tr, y_tr), (X_val, y_val)], verbose=False)

curves = model.evals_result()
for i in range(0, len(curves["validation_1"]["rmse"]), 25):
    wandb.log({"round": i, "train_rmse": curves["validation_0"]["rmse"][i],
               "val_rmse": curves["validation_1"]["rmse"][i]})

val_m = price_metrics(y_val.to_numpy(), model.predict(X_val, iteration_range=(0, model.best_iteration + 1)))
test_m = price_metrics(y_test.to_numpy(), model.predict(X_test, iteration_range=(0, model.best_iteration + 1)))
wandb.log({**{f"val/{k}": v for k, v in val_m.items()}, **{f"test/{k}": v for k, v in test_m.items()},
           "best_iteration": model.best_iteration})
print(json.dumps({"val": val_m, "test": test_m}, indent=2))

model.save_model("kc_avm_xgb.json")
run.finish()
