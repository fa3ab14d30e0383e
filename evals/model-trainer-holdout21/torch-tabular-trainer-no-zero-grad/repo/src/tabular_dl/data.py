import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

NUMERIC = ["age", "bmi", "systolic_bp", "diastolic_bp", "glucose", "cholesterol", "hdl", "ldl"]
BINARY = ["smoker", "on_statins", "family_history"]
TARGET = "cardio_event_5y"


def _to_tensors(X: np.ndarray, y: np.ndarray) -> TensorDataset:
    return TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))


def build_loaders(csv_path: str, batch_size: int, seed: int):
    df = pd.read_csv(csv_path)
    y = df[TARGET].to_numpy()
    X = df[NUMERIC + BINARY]

    X_trval, X_test, y_trval, y_test = train_test_split(
        X, y, test_size=0.15, stratify=y, random_state=seed
    )
    X_train, X_val, y_train, y_val = train_test_split(
        X_trval, y_trval, test_size=0.15, stratify=y_trval, random_state=seed
    )

    scaler = StandardScaler().fit(X_train[NUMERIC])

    def prep(frame: pd.DataFrame) -> np.ndarray:
        num = scaler.transform(frame[NUMERIC])
        return np.hstack([num, frame[BINARY].to_numpy(dtype=np.float32)])

    g = torch.Generator().manual_seed(seed)
    train_dl = DataLoader(_to_tensors(prep(X_train), y_train), batch_size=batch_size, shuffle=True, generator=g)
    val_dl = DataLoader(_to_tensors(prep(X_val), y_val), batch_size=1024)
    test_dl = DataLoader(_to_tensors(prep(X_test), y_test), batch_size=1024)
    pos_weight = float((y_train == 0).sum() / max(1, (y_train == 1).sum()))
    return train_dl, val_dl, test_dl, pos_weight
