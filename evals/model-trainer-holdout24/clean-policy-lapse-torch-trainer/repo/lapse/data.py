import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OrdinalEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset

NUM_COLS = ["premium_annual", "sum_assured_log", "policy_age_months", "missed_payments_12m", "age",
            "premium_to_income", "agent_tenure_years", "riders_count"]
CAT_COLS = ["product_code", "payment_frequency", "channel", "region"]
TARGET = "lapsed_next_6m"


class Prepared:
    def __init__(self, seed: int):
        self.seed = seed
        self.scaler = StandardScaler()
        self.encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)

    def split(self, df: pd.DataFrame):
        train, temp = train_test_split(df, test_size=0.3, stratify=df[TARGET], random_state=self.seed)
        valid, test = train_test_split(temp, test_size=0.5, stratify=temp[TARGET], random_state=self.seed)
        return train, valid, test

    def fit(self, train: pd.DataFrame) -> "Prepared":
        self.scaler.fit(train[NUM_COLS])
        self.encoder.fit(train[CAT_COLS].astype(str))
        self.cardinalities = [len(c) for c in self.encoder.categories_]
        return self

    def tensors(self, df: pd.DataFrame):
        x_num = torch.tensor(self.scaler.transform(df[NUM_COLS]), dtype=torch.float32)
        x_cat = torch.tensor(self.encoder.transform(df[CAT_COLS].astype(str)) + 1, dtype=torch.long)
        y = torch.tensor(df[TARGET].to_numpy(np.float32))
        return x_num, x_cat, y

    def loader(self, df, batch_size, shuffle, generator=None):
        return DataLoader(TensorDataset(*self.tensors(df)), batch_size=batch_size, shuffle=shuffle, generator=generator)
