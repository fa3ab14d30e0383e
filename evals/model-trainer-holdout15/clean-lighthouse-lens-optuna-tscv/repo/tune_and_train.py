import argparse
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error

from lens.features import build
from lens.tuning import make_model, tune

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("lens")

ap = argparse.ArgumentParser()
ap.add_argument("--config", default="config.json")
cfg = json.loads(Path(ap.parse_args().config).read_text())
np.random.seed(cfg["seed"])

hourly = pd.read_parquet(cfg["readings"]).set_index("ts")
data = build(hourly, cfg["horizon_hours"])
feature_cols = [c for c in data.columns if c not in ("target", "fog_minutes")]

cut = pd.Timestamp(cfg["test_start"])
# drop the last `horizon` hours before the cutoff: their targets reach into the test period
train = data[data.index < cut - pd.Timedelta(hours=cfg["horizon_hours"])]
test = data[data.index >= cut]
log.info("train %s..%s (%d)  test %s..%s (%d)", train.index.min(), train.index.max(), len(train),
         test.index.min(), test.index.max(), len(test))

best = tune(train[feature_cols], train["target"], cfg["n_trials"], cfg["cv_splits"], cfg["cv_gap_hours"], cfg["seed"])
log.info("best params %s", best)
model = make_model(best, cfg["seed"]).fit(train[feature_cols], train["target"])

pred = np.clip(model.predict(test[feature_cols]), 0, None)
# baselines: persistence (fog in the last 6h repeats) and the training mean
persist = hourly["fog_minutes"].rolling(cfg["horizon_hours"]).sum().reindex(test.index).to_numpy()
mean_pred = np.full(len(test), train["target"].mean())
for name, p in [("hgb", pred), ("persistence", persist), ("train-mean", mean_pred)]:
    log.info("%-12s MAE %.2f  RMSE %.2f", name, mean_absolute_error(test["target"], p),
             mean_squared_error(test["target"], p) ** 0.5)

Path(cfg["model_path"]).parent.mkdir(parents=True, exist_ok=True)
joblib.dump(model, cfg["model_path"])
