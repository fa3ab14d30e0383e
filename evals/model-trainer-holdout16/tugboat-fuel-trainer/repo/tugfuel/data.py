import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

NUMERIC = ["tow_tonnage", "distance_nm", "current_knots", "wind_knots", "wave_m",
           "engine_hours", "hull_days_since_clean", "assist_count"]


class TripDataset(Dataset):
    def __init__(self, x, y):
        self.x = torch.as_tensor(x, dtype=torch.float32)
        self.y = torch.as_tensor(y, dtype=torch.float32).unsqueeze(1)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


def load_splits(path, target, seed):
    df = pd.read_csv(path)
    x = df[NUMERIC].values
    y = np.log1p(df[target].values)
    x_tr, x_tmp, y_tr, y_tmp = train_test_split(x, y, test_size=0.3, random_state=seed)
    x_va, x_te, y_va, y_te = train_test_split(x_tmp, y_tmp, test_size=0.5, random_state=seed)
    sc = StandardScaler().fit(x_tr)
    return ((TripDataset(sc.transform(x_tr), y_tr), TripDataset(sc.transform(x_va), y_va),
             TripDataset(sc.transform(x_te), y_te)), float(y_tr.mean()))
