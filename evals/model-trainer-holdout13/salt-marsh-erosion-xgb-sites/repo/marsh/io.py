import pandas as pd

DROP = ["transect_id", "survey_date", "surveyor"]


def load_transects(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df[df["edge_retreat_cm_yr"].between(-50, 400)]  # survey glitches
    df["fetch_x_wind"] = df["fetch_km"] * df["mean_wind_ms"]
    df["veg_is_spartina"] = (df["dominant_veg"] == "spartina").astype(int)
    return df.drop(columns=DROP + ["dominant_veg"])
