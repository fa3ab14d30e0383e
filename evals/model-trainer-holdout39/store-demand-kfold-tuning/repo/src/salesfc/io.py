import pandas as pd


def load_sales(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path, columns=["date", "store_id", "item_id", "units", "on_promo"])
    df["date"] = pd.to_datetime(df["date"])
    return df.sort_values(["store_id", "item_id", "date"]).reset_index(drop=True)
