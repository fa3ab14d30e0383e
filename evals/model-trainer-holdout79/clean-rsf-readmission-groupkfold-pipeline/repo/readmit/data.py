import numpy as np
import pandas as pd
from sksurv.util import Surv

DROP = {"encounter_id", "discharge_date"}


def load_discharges(cfg: dict):
    d = cfg["data"]
    df = pd.read_parquet(d["path"])
    horizon = d["horizon_days"]
    # administrative censoring at the 90-day horizon used by the readmission programme
    over = df[d["time_col"]] > horizon
    df.loc[over, d["event_col"]] = 0
    df.loc[over, d["time_col"]] = horizon
    df["los_log"] = np.log1p(df["length_of_stay"])
    features = [c for c in df.columns
                if c not in DROP | {d["patient_col"], d["time_col"], d["event_col"], "length_of_stay"}]
    y = Surv.from_arrays(df[d["event_col"]].astype(bool), df[d["time_col"]].astype(float))
    return df[features].astype(float), y, df[d["patient_col"]].to_numpy()
