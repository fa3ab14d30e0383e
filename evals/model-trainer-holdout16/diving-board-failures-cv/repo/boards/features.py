import pandas as pd

DROP = ["board_id", "pool_id", "inspection_date"]


def make_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["dives_per_day"] = out["annual_dives"] / 365.0
    out["fulcrum_wear_ratio"] = out["fulcrum_travel_cm"] / out["board_length_cm"]
    out["is_fibreglass"] = (out["material"] == "fibreglass").astype(int)
    out["chlorine_exposure"] = out["avg_chlorine_ppm"] * out["outdoor"].astype(int)
    return out.drop(columns=DROP + ["material"])
