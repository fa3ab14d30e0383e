import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import Dataset

NUMERIC = ["bedrooms", "bathrooms", "sqft_living", "sqft_lot", "floors", "waterfront", "view",
           "condition", "grade", "sqft_above", "sqft_basement", "yr_built", "renovated",
           "lat", "long", "sqft_living15", "sqft_lot15"]


class SalesDataset(Dataset):
    def __init__(self, x_num, zip_idx, y):
        self.x_num = torch.as_tensor(x_num, dtype=torch.float32)
        self.zip_idx = torch.as_tensor(zip_idx, dtype=torch.long)
        self.y = torch.as_tensor(y, dtype=torch.float32).unsqueeze(1)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x_num[i], self.zip_idx[i], self.y[i]


def make_splits(cfg):
    df = pd.read_csv(cfg["data_path"])
    df["renovated"] = (df["yr_renovated"] > 0).astype(int)
    for c in ["sqft_living", "sqft_lot", "sqft_living15", "sqft_lot15"]:
        df[c] = np.log1p(df[c])
    y = np.log(df["price"].values)

    idx = np.arange(len(df))
    tr, te = train_test_split(idx, test_size=cfg["test_size"], random_state=cfg["seed"])
    tr, va = train_test_split(tr, test_size=cfg["val_size"], random_state=cfg["seed"])

    scaler = StandardScaler().fit(df.loc[tr, NUMERIC])
    zip_vocab = {z: i + 1 for i, z in enumerate(sorted(df.loc[tr, "zipcode"].unique()))}  # 0 = unseen

    def ds(rows):
        x = scaler.transform(df.loc[rows, NUMERIC])
        z = df.loc[rows, "zipcode"].map(zip_vocab).fillna(0).values
        return SalesDataset(x, z, y[rows])

    return ds(tr), ds(va), ds(te), len(zip_vocab) + 1
