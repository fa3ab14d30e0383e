import pandas as pd

CATEGORICAL = ["region", "soil_texture_class", "preceding_crop", "variety"]
NUMERIC = [
    "sow_doy", "n_rate_kg_ha", "gdd_apr_jul", "precip_apr_may_mm", "precip_jun_jul_mm",
    "tmax_jun_mean", "days_tmax_gt_28_jun", "spei1_jun", "ndvi_peak", "ndvi_auc_may_jul",
    "soc_pct", "awc_mm", "yield_prev_barley",
]


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    out = df.sort_values(["field_id", "year"]).copy()
    for c in CATEGORICAL:
        out[c] = out[c].fillna("missing").astype(str)
    # last observed barley yield on this field before the current season
    out["yield_prev_barley"] = out.groupby("field_id")["yield_t_ha"].shift(1)
    out["field_mean_5y"] = out.groupby("field_id")["yield_t_ha"].transform(
        lambda s: s.shift(1).rolling(5, min_periods=1).mean())
    return out.reset_index(drop=True)
