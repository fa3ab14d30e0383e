"""Claim frequency for telematics-monitored fleet vehicles: LightGBM Poisson with log-exposure offset."""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import PoissonRegressor
from sklearn.metrics import mean_poisson_deviance
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from features import FEATURES, derive

SEED = 4242
DATA = Path("data") / "fleet_vehicle_periods.parquet"

raw = pd.read_parquet(DATA)
data = derive(raw[raw["exposure_years"] > 0.02])

outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
dev_idx, test_idx = next(outer.split(data, groups=data["fleet_id"]))
dev, test = data.iloc[dev_idx], data.iloc[test_idx]
inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED + 1)
tr_idx, va_idx = next(inner.split(dev, groups=dev["fleet_id"]))
train, valid = dev.iloc[tr_idx], dev.iloc[va_idx]


def dataset(frame, reference=None):
    return lgb.Dataset(frame[FEATURES], frame["claim_count"], init_score=frame["log_exposure"], reference=reference)


params = {"objective": "poisson", "learning_rate": 0.03, "num_leaves": 24, "min_data_in_leaf": 150,
          "feature_fraction": 0.85, "lambda_l2": 3.0, "seed": SEED, "verbose": -1}
dtrain = dataset(train)
gbm = lgb.train(params, dtrain, num_boost_round=3000, valid_sets=[dataset(valid, dtrain)],
                callbacks=[lgb.early_stopping(120), lgb.log_evaluation(300)])

glm = make_pipeline(StandardScaler(), PoissonRegressor(alpha=1e-3, max_iter=1000))
glm.fit(train[FEATURES].fillna(0), train["claim_count"] / train["exposure_years"],
        poissonregressor__sample_weight=train["exposure_years"])


def gini(counts, expected):
    order = np.argsort(expected / test["exposure_years"].to_numpy())
    c = np.concatenate([[0], np.cumsum(counts[order]) / counts.sum()])
    e = np.concatenate([[0], np.cumsum(test["exposure_years"].to_numpy()[order]) / test["exposure_years"].sum()])
    return float(1 - 2 * np.trapz(c, e))


expo = test["exposure_years"].to_numpy()
counts = test["claim_count"].to_numpy()
rate = train["claim_count"].sum() / train["exposure_years"].sum()
expected = {
    "portfolio_rate": rate * expo,
    "poisson_glm": glm.predict(test[FEATURES].fillna(0)) * expo,
    # predictions never include init_score; multiplying by exposure re-applies the log-exposure offset
    "lgbm_poisson": np.exp(gbm.predict(test[FEATURES], num_iteration=gbm.best_iteration, raw_score=True)) * expo,
}
report = {
    name: {
        "poisson_deviance": float(mean_poisson_deviance(counts / expo, mu / expo, sample_weight=expo)),
        "gini": gini(counts, mu),
        "actual_over_expected": float(counts.sum() / mu.sum()),
    }
    for name, mu in expected.items()
}
print(json.dumps(report, indent=2))
gbm.save_model("telematics_freq_lgbm.txt", num_iteration=gbm.best_iteration)
