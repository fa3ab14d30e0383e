"""Features for the Azure predictive maintenance sample (hourly telemetry, 100 machines, 2015)."""
import pandas as pd

SENSORS = ["volt", "rotate", "pressure", "vibration"]
COMPONENTS = ["comp1", "comp2", "comp3", "comp4"]
MODELS = ["model1", "model2", "model3", "model4"]


def load(data_dir):
    read = lambda name: pd.read_csv(f"{data_dir}/PdM_{name}.csv", parse_dates=["datetime"])
    return {name: read(name) for name in ("telemetry", "errors", "maint", "failures")} | {
        "machines": pd.read_csv(f"{data_dir}/PdM_machines.csv")
    }


def telemetry_features(tel):
    tel = tel.sort_values(["machineID", "datetime"]).set_index("datetime")
    g = tel.groupby("machineID")[SENSORS]
    out = pd.concat([
        g.rolling("24h").mean().add_suffix("_mean24"),
        g.rolling("24h").std().add_suffix("_std24"),
        g.rolling("72h").mean().add_suffix("_mean72"),
    ], axis=1).reset_index()
    return out[out["datetime"].dt.hour % 3 == 0].reset_index(drop=True)


def error_counts(errors, telemetry, feats):
    err = errors.assign(datetime=errors["datetime"].dt.floor("h"))
    hourly = pd.crosstab([err["machineID"], err["datetime"]], err["errorID"])
    cols = [str(c) for c in hourly.columns]
    hourly.columns = cols
    grid = telemetry[["machineID", "datetime"]]
    hourly = grid.merge(hourly.reset_index(), on=["machineID", "datetime"], how="left").fillna(0)
    rolled = (hourly.sort_values(["machineID", "datetime"]).set_index("datetime")
              .groupby("machineID")[cols].rolling("24h").sum().reset_index())
    rolled = rolled.rename(columns={c: f"{c}_24h" for c in cols})
    return feats.merge(rolled, on=["machineID", "datetime"], how="left")


def days_since_replacement(feats, maint):
    feats = feats.sort_values("datetime")
    for comp in COMPONENTS:
        m = (maint.loc[maint["comp"] == comp, ["machineID", "datetime"]]
             .rename(columns={"datetime": "last_repl"}).sort_values("last_repl"))
        feats = pd.merge_asof(feats, m, left_on="datetime", right_on="last_repl", by="machineID",
                              direction="backward")
        feats[f"days_since_{comp}"] = (feats["datetime"] - feats["last_repl"]).dt.total_seconds() / 86400
        feats = feats.drop(columns="last_repl")
    return feats


def label_upcoming_failure(feats, failures, horizon_hours):
    nxt = (failures[["machineID", "datetime"]].rename(columns={"datetime": "next_failure"})
           .drop_duplicates().sort_values("next_failure"))
    feats = pd.merge_asof(feats.sort_values("datetime"), nxt, left_on="datetime", right_on="next_failure",
                          by="machineID", direction="forward", allow_exact_matches=False)
    hours_to_failure = (feats["next_failure"] - feats["datetime"]).dt.total_seconds() / 3600
    feats["label"] = (hours_to_failure <= horizon_hours).astype(int)
    return feats.drop(columns="next_failure")


def build(raw, horizon_hours):
    feats = telemetry_features(raw["telemetry"])
    feats = error_counts(raw["errors"], raw["telemetry"], feats)
    feats = days_since_replacement(feats, raw["maint"])
    feats = feats.merge(raw["machines"], on="machineID", how="left")
    feats["model"] = pd.Categorical(feats["model"], categories=MODELS)
    return label_upcoming_failure(feats, raw["failures"], horizon_hours)
