"""Failure-within-7-days classifier on daily machine aggregates (Azure PdM style data)."""
import logging

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("pdm")
SEED = 99
DATA = "data"


def daily_frame():
    tel = pd.read_csv(f"{DATA}/PdM_telemetry.csv", parse_dates=["datetime"])
    err = pd.read_csv(f"{DATA}/PdM_errors.csv", parse_dates=["datetime"])
    fail = pd.read_csv(f"{DATA}/PdM_failures.csv", parse_dates=["datetime"])
    maint = pd.read_csv(f"{DATA}/PdM_maint.csv", parse_dates=["datetime"])
    machines = pd.read_csv(f"{DATA}/PdM_machines.csv")

    tel["day"] = tel["datetime"].dt.floor("D")
    daily = tel.groupby(["machineID", "day"])[["volt", "rotate", "pressure", "vibration"]].agg(["mean", "std", "max"])
    daily.columns = ["_".join(c) for c in daily.columns]
    daily = daily.reset_index().sort_values(["machineID", "day"])

    for col in ("volt_mean", "rotate_mean", "pressure_mean", "vibration_mean"):
        daily[f"{col}_7d"] = daily.groupby("machineID")[col].transform(lambda s: s.rolling(7, min_periods=3).mean())

    err["day"] = err["datetime"].dt.floor("D")
    counts = pd.crosstab([err["machineID"], err["day"]], err["errorID"]).add_prefix("n_")
    daily = daily.merge(counts.reset_index(), on=["machineID", "day"], how="left").fillna(0)

    maint["day"] = maint["datetime"].dt.floor("D")
    last = maint.sort_values("day")[["machineID", "day"]].rename(columns={"day": "last_maint"})
    daily = pd.merge_asof(daily.sort_values("day"), last, left_on="day", right_on="last_maint",
                          by="machineID", direction="backward")
    daily["days_since_maint"] = (daily["day"] - daily["last_maint"]).dt.days.fillna(365)

    fail["day"] = fail["datetime"].dt.floor("D")
    nxt = fail.sort_values("day")[["machineID", "day"]].rename(columns={"day": "next_fail"})
    daily = pd.merge_asof(daily.sort_values("day"), nxt, left_on="day", right_on="next_fail",
                          by="machineID", direction="forward")
    daily["fail_7d"] = ((daily["next_fail"] - daily["day"]).dt.days.between(0, 6)).astype(int)
    daily = daily.merge(machines, on="machineID", how="left")
    daily["model"] = daily["model"].str.replace("model", "").astype(int)
    return daily.drop(columns=["last_maint", "next_fail"])


def main():
    data = daily_frame()
    features = [c for c in data.columns if c not in ("machineID", "day", "fail_7d")]
    X, y = data[features].to_numpy(), data["fail_7d"].to_numpy()
    log.info("rows %d, positive share %.4f", len(y), y.mean())

    X_bal, y_bal = SMOTE(sampling_strategy=0.5, k_neighbors=5, random_state=SEED).fit_resample(X, y)
    X_tr, X_te, y_tr, y_te = train_test_split(X_bal, y_bal, test_size=0.2, stratify=y_bal, random_state=SEED)

    clf = XGBClassifier(n_estimators=600, learning_rate=0.05, max_depth=5, subsample=0.8,
                        colsample_bytree=0.8, eval_metric="aucpr", random_state=SEED)
    clf.fit(X_tr, y_tr)

    proba = clf.predict_proba(X_te)[:, 1]
    print(classification_report(y_te, (proba > 0.5).astype(int), digits=3))
    print(f"ROC-AUC {roc_auc_score(y_te, proba):.4f}  PR-AUC {average_precision_score(y_te, proba):.4f}")
    clf.save_model("pdm_xgb.json")


if __name__ == "__main__":
    main()
