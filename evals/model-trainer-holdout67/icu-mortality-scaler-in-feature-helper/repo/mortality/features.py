"""Feature construction for the first-24h ICU mortality model."""
from __future__ import annotations

import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

VITAL_ITEMS = {
    220045: "heart_rate",
    220179: "sbp",
    220180: "dbp",
    220210: "resp_rate",
    223761: "temp_f",
    220277: "spo2",
}

LAB_ITEMS = {
    50912: "creatinine",
    50971: "potassium",
    50983: "sodium",
    51006: "bun",
    51222: "hemoglobin",
    51265: "platelets",
    51301: "wbc",
    50813: "lactate",
}


def first_stays(stays: pd.DataFrame, min_age: int = 18, min_los_days: float = 1.0) -> pd.DataFrame:
    """Keep the first ICU stay of each adult patient with at least `min_los_days` in the unit."""
    stays = stays.sort_values(["subject_id", "intime"])
    stays = stays.drop_duplicates("subject_id", keep="first")
    stays = stays[(stays["anchor_age"] >= min_age) & (stays["los"] >= min_los_days)]
    return stays.reset_index(drop=True)


def window_events(events: pd.DataFrame, stays: pd.DataFrame, hours: int, key: str) -> pd.DataFrame:
    """Restrict events to the first `hours` after ICU admission."""
    ev = events.merge(stays[[key, "stay_id", "intime"]], on=key, how="inner")
    delta_h = (ev["charttime"] - ev["intime"]).dt.total_seconds() / 3600.0
    return ev[(delta_h >= 0) & (delta_h < hours)]


def aggregate(events: pd.DataFrame, item_map: dict[int, str]) -> pd.DataFrame:
    ev = events[events["itemid"].isin(item_map)].copy()
    ev["name"] = ev["itemid"].map(item_map)
    agg = ev.groupby(["stay_id", "name"])["valuenum"].agg(["min", "max", "mean"])
    wide = agg.unstack("name")
    wide.columns = [f"{name}_{stat}" for stat, name in wide.columns]
    return wide


def build_feature_matrix(stays, chartevents, labevents, hours: int = 24):
    """Return (X, y, feature_names, transformers) for the given cohort."""
    vitals = aggregate(window_events(chartevents, stays, hours, key="stay_id"), VITAL_ITEMS)
    labs = aggregate(window_events(labevents, stays, hours, key="hadm_id"), LAB_ITEMS)

    frame = stays[["stay_id", "anchor_age", "gender", "hospital_expire_flag"]].set_index("stay_id")
    frame = frame.join(vitals).join(labs)
    frame["is_male"] = (frame.pop("gender") == "M").astype(int)
    y = frame.pop("hospital_expire_flag").to_numpy()
    feature_names = list(frame.columns)

    imputer = SimpleImputer(strategy="median")
    scaler = StandardScaler()
    X = imputer.fit_transform(frame.to_numpy(dtype=float))
    X = scaler.fit_transform(X)
    return X, y, feature_names, {"imputer": imputer, "scaler": scaler}
