"""Feature building for the Azure AI predictive maintenance sample (PdM_*.csv, 100 machines, 2015)."""
import pandas as pd
from sklearn.preprocessing import StandardScaler

SENSORS = ["volt", "rotate", "pressure", "vibration"]


def read(data_dir):
    parse = {"parse_dates": ["datetime"]}
    tel = pd.read_csv(f"{data_dir}/PdM_telemetry.csv", **parse)
    err = pd.read_csv(f"{data_dir}/PdM_errors.csv", **parse)
    fail = pd.read_csv(f"{data_dir}/PdM_failures.csv", **parse)
    machines = pd.read_csv(f"{data_dir}/PdM_machines.csv")
    return tel, err, fail, machines


def telemetry_features(tel):
    tel = tel.sort_values(["machineID", "datetime"]).set_index("datetime")
    g = tel.groupby("machineID")[SENSORS]
    parts = [
        g.rolling("3h").mean().add_suffix("_mean_3h"),
        g.rolling("24h").mean().add_suffix("_mean_24h"),
        g.rolling("24h").std().add_suffix("_std_24h"),
    ]
    feats = pd.concat(parts, axis=1).reset_index()
    return feats[feats["datetime"].dt.hour % 3 == 0].reset_index(drop=True)


def error_features(err, grid):
    err = err.assign(datetime=err["datetime"].dt.floor("h"))
    hourly = pd.crosstab([err["machineID"], err["datetime"]], err["errorID"]).reset_index()
    hourly = grid.merge(hourly, on=["machineID", "datetime"], how="left").fillna(0)
    cols = [c for c in hourly.columns if str(c).startswith("error")]
    rolled = hourly.set_index("datetime").groupby("machineID")[cols].rolling("24h").sum()
    return rolled.add_suffix("_count_24h").reset_index()


def label_failures(feats, fail, horizon="24h"):
    """will_fail = 1 if the machine has a component failure within the next `horizon`."""
    feats = feats.copy()
    feats["will_fail"] = 0
    h = pd.Timedelta(horizon)
    for mid, times in fail.groupby("machineID")["datetime"]:
        on_machine = feats["machineID"] == mid
        for t in times:
            feats.loc[on_machine & (feats["datetime"] < t) & (feats["datetime"] >= t - h), "will_fail"] = 1
    return feats


def build_matrix(df, cols):
    X = df[cols].copy()
    X = X.fillna(X.median())
    X[cols] = StandardScaler().fit_transform(X[cols])
    X = X.join(pd.get_dummies(df["model"], prefix="model", dtype=float))
    X["age"] = df["age"] / 20.0
    return X
