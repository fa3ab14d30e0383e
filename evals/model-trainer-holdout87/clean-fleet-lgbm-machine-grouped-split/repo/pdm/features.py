"""Per-machine trailing-window features and the failure-horizon label."""
import pandas as pd

SIGNALS = ["volt", "rotate", "pressure", "vibration"]


def add_rolling_features(tel, windows):
    tel = tel.sort_values(["machine_id", "datetime"]).copy()
    g = tel.groupby("machine_id")
    for w in windows:
        for s in SIGNALS:
            roll = g[s].rolling(w, min_periods=1)
            tel[f"{s}_mean_{w}h"] = roll.mean().reset_index(level=0, drop=True)
            tel[f"{s}_std_{w}h"] = roll.std().reset_index(level=0, drop=True).fillna(0)
    tel["hours_in_service"] = g.cumcount()
    return tel


def add_failure_label(tel, failures, horizon_hours):
    failures = failures.sort_values("datetime")
    tel = tel.sort_values("datetime")
    nxt = pd.merge_asof(
        tel[["datetime", "machine_id"]], failures[["datetime", "machine_id"]].rename(columns={"datetime": "next_failure"}),
        left_on="datetime", right_on="next_failure", by="machine_id", direction="forward",
    )
    hours_to_failure = (nxt["next_failure"] - nxt["datetime"]).dt.total_seconds() / 3600
    tel["fail_within_h"] = (hours_to_failure <= horizon_hours).fillna(False).astype(int).to_numpy()
    return tel.sort_values(["machine_id", "datetime"]).reset_index(drop=True)


def feature_columns(windows):
    rolling = [f"{s}_{stat}_{w}h" for w in windows for s in SIGNALS for stat in ("mean", "std")]
    return rolling + ["hours_in_service", "age", "model"]
