import logging

import pandas as pd

log = logging.getLogger(__name__)


def load_units(cfg: dict) -> pd.DataFrame:
    units = pd.read_csv(cfg["data"]["units_csv"])
    events = pd.read_csv(cfg["data"]["events_csv"], parse_dates=["opened_at"])
    agg = (
        events.groupby("unit_id")
        .agg(
            n_callouts=("event_id", "count"),
            n_door_faults=("is_door_fault", "sum"),
            mean_downtime_h=("downtime_hours", "mean"),
            last_callout=("opened_at", "max"),
        )
        .reset_index()
    )
    agg["days_since_callout"] = (pd.Timestamp("2023-09-30") - agg["last_callout"]).dt.days
    agg = agg.drop(columns="last_callout")
    df = units.merge(agg, on="unit_id", how="left")
    df[["n_callouts", "n_door_faults"]] = df[["n_callouts", "n_door_faults"]].fillna(0)
    log.info("loaded %d units, failure rate %.3f", len(df), df[cfg["target"]].mean())
    return df
