import pandas as pd

CAT_COLS = ["region", "variety_group", "previous_crop", "tillage"]
NUM_COLS = [
    "sow_doy", "n_applied_kg_ha", "gdd_autumn", "frost_days_winter", "precip_mar_may",
    "precip_jun_jul", "tmax_jun_mean", "heat_days_gt30", "rad_may_jun", "spei3_jun",
    "soc_g_kg", "clay_pct", "awc_mm", "elev_m",
]
TARGET = "yield_t_ha"


def load_table(cfg) -> pd.DataFrame:
    y = pd.read_csv(cfg["yields"])
    w = pd.read_csv(cfg["weather"])
    s = pd.read_csv(cfg["soils"])
    df = y.merge(w, on=["field_id", "harvest_year"], how="left").merge(s, on="field_id", how="left")
    df = df[df["harvest_year"] >= cfg["min_year"]]
    df = df[(df[TARGET] > 0.5) & (df[TARGET] < 15)]
    for c in CAT_COLS:
        df[c] = df[c].fillna("unknown").astype(str)
    return df.reset_index(drop=True)
