import numpy as np
import pandas as pd

FEATURES = ["amount_log", "hour", "is_foreign", "merchant_risk_tier", "card_present", "n_tx_1h",
            "n_tx_24h", "amount_vs_card_median_30d", "new_device", "mcc_group"]


def add_features(tx: pd.DataFrame) -> pd.DataFrame:
    """Row-level features plus velocity counts over each card's *previous* transactions."""
    tx = tx.sort_values(["card_id", "ts"]).copy()   # row order == groupby-rolling output order
    tx["amount_log"] = np.log1p(tx["amount"])
    tx["hour"] = tx["ts"].dt.hour
    tx["is_foreign"] = (tx["merchant_country"] != tx["card_country"]).astype(int)
    by_card = tx.set_index("ts").groupby("card_id")["amount"]
    tx["n_tx_1h"] = by_card.rolling("1h", closed="left").count().reset_index(level=0, drop=True).values
    tx["n_tx_24h"] = by_card.rolling("24h", closed="left").count().reset_index(level=0, drop=True).values
    med = by_card.rolling("30D", closed="left").median().reset_index(level=0, drop=True).values
    tx["amount_vs_card_median_30d"] = tx["amount"] / np.where(np.isnan(med), tx["amount"], med)
    tx[["n_tx_1h", "n_tx_24h"]] = tx[["n_tx_1h", "n_tx_24h"]].fillna(0)
    tx["mcc_group"] = tx["mcc_group"].astype("category")
    return tx
