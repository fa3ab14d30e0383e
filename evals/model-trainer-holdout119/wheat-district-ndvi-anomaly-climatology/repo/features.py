"""Season features from MODIS dekadal NDVI and CHIRPS rainfall, one row per district-season."""
import pandas as pd

# Rabi season dekads (Nov 1 .. Apr 10), numbered 1..36 over the calendar year
SEASON_DEKADS = list(range(31, 37)) + list(range(1, 11))
KEY = ["district_code", "season_year"]


def ndvi_anomalies(ndvi):
    """ndvi: long table district_code, season_year, dekad, ndvi_mean."""
    ndvi = ndvi[ndvi["dekad"].isin(SEASON_DEKADS)].copy()
    clim = ndvi.groupby(["district_code", "dekad"])["ndvi_mean"].agg(["mean", "std"]).reset_index()
    ndvi = ndvi.merge(clim, on=["district_code", "dekad"], how="left")
    ndvi["ndvi_z"] = (ndvi["ndvi_mean"] - ndvi["mean"]) / ndvi["std"]
    wide = ndvi.pivot_table(index=KEY, columns="dekad", values="ndvi_z")
    wide.columns = [f"ndvi_z_d{int(c):02d}" for c in wide.columns]
    agg = ndvi.groupby(KEY).agg(ndvi_z_max=("ndvi_z", "max"), ndvi_z_mean=("ndvi_z", "mean"),
                                ndvi_peak=("ndvi_mean", "max"))
    return wide.join(agg).reset_index()


def rain_features(rain):
    rain = rain[rain["dekad"].isin(SEASON_DEKADS)]
    out = rain.groupby(KEY).agg(rain_total_mm=("rain_mm", "sum"),
                                rain_dry_dekads=("rain_mm", lambda s: (s < 5).sum()))
    return out.reset_index()


def build_table(yields, ndvi, rain):
    tbl = yields.merge(ndvi_anomalies(ndvi), on=KEY, how="inner")
    tbl = tbl.merge(rain_features(rain), on=KEY, how="left")
    tbl["irrigated_share"] = tbl["irrigated_area_ha"] / tbl["wheat_area_ha"]
    return tbl
