"""Day-ahead forecasting of hourly emergency-department arrivals.

Chronological protocol: fit on <= 2021, early-stop/tune on 2022, report 2023 once.
"""
import json
import logging
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from src.edflow.config import CONFIG as C
from src.edflow.model import ArrivalLSTM
from src.edflow.windows import lag_features, windows_for_span

log = logging.getLogger("ed")


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def mase(y, yhat, y_train, m=168):
    scale = np.mean(np.abs(y_train[m:] - y_train[:-m]))
    return float(np.mean(np.abs(y - yhat)) / scale)


def run_epoch(model, loader, loss_fn, device, opt=None):
    model.train(opt is not None)
    total = 0.0
    with torch.set_grad_enabled(opt is not None):
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            loss = loss_fn(model(xb), yb)
            if opt is not None:
                opt.zero_grad()
                loss.backward()
                opt.step()
            total += loss.item() * len(xb)
    return total / len(loader.dataset)


def main():
    logging.basicConfig(level=logging.INFO)
    seed_all(C["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(C["csv"], parse_dates=["hour"]).set_index("hour").sort_index().asfreq("h", fill_value=0)
    df["hod_sin"] = np.sin(2 * np.pi * df.index.hour / 24)
    df["hod_cos"] = np.cos(2 * np.pi * df.index.hour / 24)
    df["dow_sin"] = np.sin(2 * np.pi * df.index.dayofweek / 7)
    df["dow_cos"] = np.cos(2 * np.pi * df.index.dayofweek / 7)
    cols = ["arrivals", "hod_sin", "hod_cos", "dow_sin", "dow_cos"]

    train_mask = df.index <= C["train_end"]
    scaler = StandardScaler().fit(df.loc[train_mask, ["arrivals"]])
    values = df[cols].to_numpy(np.float32)
    values[:, :1] = scaler.transform(df[["arrivals"]])

    L, H = C["lookback"], C["horizon"]
    first = df.index[0]
    val_start = pd.Timestamp(C["train_end"]) + pd.Timedelta(hours=1)
    test_start = pd.Timestamp(C["val_end"]) + pd.Timedelta(hours=1)
    X_tr, y_tr = windows_for_span(values, df.index, first, C["train_end"], L, H)
    X_va, y_va = windows_for_span(values, df.index, val_start, C["val_end"], L, H)
    X_te, y_te = windows_for_span(values, df.index, test_start, df.index[-1], L, H)

    tensors = lambda X, y: TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
    train_dl = DataLoader(tensors(X_tr, y_tr), C["batch_size"], shuffle=True)
    val_dl = DataLoader(tensors(X_va, y_va), 512)

    model = ArrivalLSTM(len(cols), C["hidden"], C["layers"], C["dropout"], H).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=C["lr"])
    loss_fn = nn.MSELoss()
    best, wait = np.inf, 0
    for epoch in range(C["max_epochs"]):
        tr_loss = run_epoch(model, train_dl, loss_fn, device, opt)
        va_loss = run_epoch(model, val_dl, loss_fn, device)
        log.info("epoch %d train %.4f val %.4f", epoch, tr_loss, va_loss)
        if va_loss < best:
            best, wait = va_loss, 0
            torch.save(model.state_dict(), C["ckpt"])
        else:
            wait += 1
            if wait >= C["patience"]:
                break

    # classical baselines, tuned on the training period only with forward-chaining folds
    ridge = GridSearchCV(Ridge(), {"alpha": [0.1, 1, 10, 100]}, cv=TimeSeriesSplit(n_splits=5, gap=H),
                         scoring="neg_mean_absolute_error").fit(lag_features(X_tr), y_tr)

    model.load_state_dict(torch.load(C["ckpt"]))
    model.eval()
    with torch.no_grad():
        lstm_te = model(torch.from_numpy(X_te).to(device)).cpu().numpy()
    inv = lambda a: scaler.inverse_transform(a.reshape(-1, 1)).reshape(a.shape)
    truth = inv(y_te)
    preds = {
        "lstm": inv(lstm_te),
        "ridge_lags": inv(ridge.predict(lag_features(X_te))),
        "seasonal_naive_week": inv(X_te[:, -168:-168 + H, 0]),
    }
    y_hist = df.loc[train_mask, "arrivals"].to_numpy()
    report = {
        k: {"MAE": mean_absolute_error(truth, p), "RMSE": float(np.sqrt(mean_squared_error(truth, p))),
            "MASE": mase(truth, p, y_hist)}
        for k, p in preds.items()
    }
    print(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
