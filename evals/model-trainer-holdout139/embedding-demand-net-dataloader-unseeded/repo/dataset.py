import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

NUMERIC = ["log_price", "log_ref_price", "discount_pct", "comp_gap", "display_flag",
           "feature_flag", "holiday_flag", "log_units_lag_1", "log_units_lag_52"]


class PanelDataset(Dataset):
    """Rows of the store x SKU weekly panel; ids are pre-indexed integers."""

    def __init__(self, df: pd.DataFrame, mean: pd.Series, std: pd.Series):
        num = ((df[NUMERIC] - mean) / std).fillna(0.0).to_numpy(np.float32)
        self.num = torch.from_numpy(num)
        self.store = torch.as_tensor(df["store_idx"].to_numpy(), dtype=torch.long)
        self.sku = torch.as_tensor(df["sku_idx"].to_numpy(), dtype=torch.long)
        self.woy = torch.as_tensor(df["woy"].to_numpy() - 1, dtype=torch.long)
        self.y = torch.as_tensor(np.log1p(df["units_sold"].to_numpy()), dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.num[i], self.store[i], self.sku[i], self.woy[i], self.y[i]
