import pandas as pd

KEYS = ["store_id", "item_id"]


def load_sales(cfg: dict) -> pd.DataFrame:
    sales = pd.read_parquet(cfg["data"]["sales_path"])
    cal = pd.read_csv(cfg["data"]["calendar_path"], parse_dates=["date"])
    sales["date"] = pd.to_datetime(sales["date"])
    sales = sales[sales["date"] >= cfg["data"]["start_date"]]
    sales = sales.merge(cal[["date", "is_holiday", "promo_week"]], on="date", how="left")
    return sales.sort_values(KEYS + ["date"]).reset_index(drop=True)
