import os

import joblib
import numpy as np
import pandas as pd
import wandb
from huggingface_hub import HfApi
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

SEED = int(os.environ.get("SEED", "0"))
DATA_PATH = os.environ.get("DATA_PATH", "data/energy_use.csv")
PARAMS = {"learning_rate": 0.05, "max_leaf_nodes": 31, "l2_regularization": 0.5, "max_iter": 400}

wandb.login(key=os.environ["WANDB_API_KEY"])
run = wandb.init(project="building-energy", config={**PARAMS, "seed": SEED})

df = pd.read_csv(DATA_PATH)
X, y = df.drop(columns=["building_id", "kwh"]), df["kwh"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)

model = HistGradientBoostingRegressor(**PARAMS, early_stopping=True, validation_fraction=0.1, random_state=SEED)
model.fit(X_train, y_train)
baseline = DummyRegressor().fit(X_train, y_train)

pred = model.predict(X_test)
run.log({
    "test_mae": mean_absolute_error(y_test, pred),
    "test_rmse": float(np.sqrt(mean_squared_error(y_test, pred))),
    "baseline_mae": mean_absolute_error(y_test, baseline.predict(X_test)),
})
joblib.dump(model, "models/energy_hgb.joblib")

token = os.getenv("HF_TOKEN")
if token:
    HfApi(token=token).upload_file(path_or_fileobj="models/energy_hgb.joblib", path_in_repo="energy_hgb.joblib",
                                   repo_id="acme-ml/building-energy")
run.finish()
