"""Time-to-failure model for the pump fleet (daily telemetry snapshots, 2019-2023).

Each row is one pump on one day; the target is days until the next recorded failure,
right-censored at the end of the telemetry export.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from lifelines.utils import concordance_index
from sklearn.model_selection import KFold

params = yaml.safe_load(open("params.yaml"))

tele = pd.read_parquet("data/pump_telemetry_daily.parquet").sort_values(["date", "pump_id"])
fail = pd.read_parquet("data/pump_failures.parquet")

sensors = ["vibration_rms", "bearing_temp", "motor_current", "discharge_pressure", "flow_rate"]
g = tele.groupby("pump_id")[sensors]
for w in (3, 7, 14):
    roll = g.rolling(w, min_periods=1)
    tele[[f"{s}_mean{w}" for s in sensors]] = roll.mean().reset_index(level=0, drop=True).values
    tele[[f"{s}_std{w}" for s in sensors]] = roll.std().reset_index(level=0, drop=True).fillna(0).values
tele["vib_slope7"] = g["vibration_rms"].diff(7).fillna(0)
tele["days_since_service"] = (tele["date"] - tele["last_service_date"]).dt.days


def attach_target(tele, fail, export_end):
    nxt = pd.merge_asof(tele.sort_values("date"), fail.sort_values("failure_date"), by="pump_id",
                        left_on="date", right_on="failure_date", direction="forward")
    observed = nxt["failure_date"].notna()
    end = nxt["failure_date"].where(observed, export_end)
    nxt["ttf_days"] = (end - nxt["date"]).dt.days.clip(lower=0) + 0.5
    nxt["failed"] = observed.astype(int)
    return nxt


data = attach_target(tele, fail, export_end=pd.Timestamp("2023-12-31"))
features = [c for c in data.columns if c.endswith(("mean3", "mean7", "mean14", "std3", "std7", "std14"))]
features += ["vib_slope7", "days_since_service", "pump_age_years"]

X = data[features].to_numpy()
lower = data["ttf_days"].to_numpy()
upper = np.where(data["failed"] == 1, lower, np.inf)

kf = KFold(n_splits=5, shuffle=True, random_state=0)
scores, base_scores = [], []
for fold, (tr, te) in enumerate(kf.split(X)):
    dtr = xgb.DMatrix(X[tr])
    dtr.set_float_info("label_lower_bound", lower[tr])
    dtr.set_float_info("label_upper_bound", upper[tr])
    dte = xgb.DMatrix(X[te])
    dte.set_float_info("label_lower_bound", lower[te])
    dte.set_float_info("label_upper_bound", upper[te])
    bst = xgb.train(params, dtr, num_boost_round=600, evals=[(dtr, "train")], verbose_eval=False)
    pred_ttf = bst.predict(dte)
    c = concordance_index(lower[te], pred_ttf, data["failed"].to_numpy()[te])
    c_base = concordance_index(lower[te], -data["days_since_service"].to_numpy()[te],
                               data["failed"].to_numpy()[te])
    scores.append(c)
    base_scores.append(c_base)
    print(f"fold {fold}: C={c:.4f}  (days-since-service baseline C={c_base:.4f})")

print(f"AFT C-index {np.mean(scores):.4f} +/- {np.std(scores):.4f}; baseline {np.mean(base_scores):.4f}")
