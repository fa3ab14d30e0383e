"""RUL regression on FD002 with engine-grouped CV and a held-out set of engines."""
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import Ridge
from sklearn.model_selection import GroupKFold, GroupShuffleSplit, cross_val_predict
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from enginehealth.metrics import rul_metrics
from enginehealth.prep import SENSORS, add_regime, add_trend_features, load_engines

cfg = yaml.safe_load(Path("experiment.yaml").read_text())
SEED = cfg["seed"]

df = load_engines(cfg["data"]["path"], cfg["data"]["rul_cap"])
df = add_regime(df, cfg["data"]["regime_round"])
df = add_trend_features(df)
numeric = SENSORS + [f"{s}_ewm" for s in SENSORS] + [f"{s}_diff" for s in SENSORS] + ["log_cycle"]
X, y, units = df[numeric + ["regime"]], df["rul"], df["unit"]

outer = GroupShuffleSplit(n_splits=1, test_size=cfg["holdout"]["test_units_fraction"], random_state=SEED)
dev_idx, test_idx = next(outer.split(X, y, groups=units))
X_dev, y_dev, g_dev = X.iloc[dev_idx], y.iloc[dev_idx], units.iloc[dev_idx]
X_test, y_test = X.iloc[test_idx], y.iloc[test_idx]


def make_pipeline(estimator):
    pre = ColumnTransformer([
        ("num", StandardScaler(), numeric),
        ("regime", OneHotEncoder(handle_unknown="ignore"), ["regime"]),
    ])
    return Pipeline([("pre", pre), ("model", estimator)])


candidates = {
    "mean": DummyRegressor(strategy="mean"),
    "ridge": make_pipeline(Ridge(alpha=3.0)),
    "hgb": make_pipeline(HistGradientBoostingRegressor(**cfg["model"], random_state=SEED)),
}

cv = GroupKFold(n_splits=cfg["cv"]["n_splits"])
cv_rows = []
for name, est in candidates.items():
    oof = cross_val_predict(est, X_dev, y_dev, groups=g_dev, cv=cv, n_jobs=-1)
    cv_rows.append({"model": name, **rul_metrics(y_dev, oof)})
cv_table = pd.DataFrame(cv_rows).set_index("model")
print(cv_table.round(2))

best_name = cv_table["rmse"].idxmin()
best = candidates[best_name].fit(X_dev, y_dev)
test_metrics = rul_metrics(y_test, best.predict(X_test))
baseline_test = rul_metrics(y_test, candidates["mean"].fit(X_dev, y_dev).predict(X_test))
print(f"selected {best_name}; held-out engines: {test_metrics}")
print(f"mean-RUL baseline on held-out engines: {baseline_test}")

final_model = candidates[best_name].fit(X, y)
Path(cfg["artifact"]).parent.mkdir(parents=True, exist_ok=True)
joblib.dump({"model": final_model, "features": list(X.columns), "holdout_metrics": test_metrics}, cfg["artifact"])
