"""Per-station anomaly detectors for the wastewater lift stations.

One Isolation Forest per station (pumps differ in size and duty), fitted on that station's
training months, alert level set on its validation months, scored on the remaining months.
"""
import numpy as np
import pandas as pd
import yaml
from sklearn.covariance import EmpiricalCovariance
from sklearn.ensemble import IsolationForest
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import RobustScaler

CHANNELS = ["wet_well_level", "pump1_current", "pump2_current", "discharge_pressure", "flow", "motor_temp"]


def station_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df[CHANNELS].copy()
    out["current_per_flow"] = (df["pump1_current"] + df["pump2_current"]) / (df["flow"].clip(lower=1.0))
    out["level_rate"] = df["wet_well_level"].diff()
    for c in ("pump1_current", "discharge_pressure", "motor_temp"):
        out[f"{c}_std_1h"] = df[c].rolling(12, min_periods=3).std()
    return out.dropna()


def label_events(index: pd.DatetimeIndex, events: pd.DataFrame) -> np.ndarray:
    y = np.zeros(len(index), dtype=int)
    for _, e in events.iterrows():
        y[(index >= e["fault_start"]) & (index <= e["fault_end"])] = 1
    return y


def main():
    with open("stations.yaml") as fh:
        cfg = yaml.safe_load(fh)
    tele = pd.read_parquet(cfg["telemetry"])
    events = pd.read_csv(cfg["events"], parse_dates=["fault_start", "fault_end"])

    val_start, test_start = pd.Timestamp(cfg["val_start"]), pd.Timestamp(cfg["test_start"])
    results = []
    for station, raw in tele.groupby("station_id"):
        feats = station_features(raw.set_index("ts").sort_index())
        y = label_events(feats.index, events[events["station_id"] == station])
        in_val = (feats.index >= val_start) & (feats.index < test_start)
        in_test = feats.index >= test_start
        train = feats[(feats.index < val_start) & (y == 0)]
        val_normal = feats[in_val & (y == 0)]
        test, y_test = feats[in_test], y[in_test]

        iso = make_pipeline(RobustScaler(), IsolationForest(random_state=cfg["seed"], **cfg["iforest"]))
        train_flags = iso.fit_predict(train)
        alert_level = np.quantile(-iso.score_samples(val_normal), cfg["alert_quantile"])

        scaler = RobustScaler().fit(train)
        maha = EmpiricalCovariance().fit(scaler.transform(train))
        s_if = -iso.score_samples(test)
        s_md = maha.mahalanobis(scaler.transform(test))
        md_level = np.quantile(maha.mahalanobis(scaler.transform(val_normal)), cfg["alert_quantile"])

        if y_test.sum() == 0:
            continue
        results.append({
            "station": station,
            "train_outlier_share": float((train_flags == -1).mean()),
            "iforest_roc_auc": roc_auc_score(y_test, s_if),
            "iforest_pr_auc": average_precision_score(y_test, s_if),
            "iforest_alert_recall": float((s_if[y_test == 1] > alert_level).mean()),
            "iforest_false_alert_rate": float((s_if[y_test == 0] > alert_level).mean()),
            "mahalanobis_pr_auc": average_precision_score(y_test, s_md),
            "mahalanobis_alert_recall": float((s_md[y_test == 1] > md_level).mean()),
        })

    summary = pd.DataFrame(results).set_index("station")
    print(summary.round(3))
    print(summary.mean(numeric_only=True).round(3))


if __name__ == "__main__":
    main()
