import argparse
import json

import numpy as np
import torch
import yaml
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from model import ConvRUL
from utils import last_window, predict, read_cmapss, rmse, seed_everything, windows


def main(cfg):
    seed_everything(cfg["seed"])
    dc, tc = cfg["data"], cfg["train"]
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train, test, test_rul = read_cmapss(dc["dir"], dc["subset"])
    train["RUL"] = (train.groupby("unit_nr")["time_cycles"].transform("max") - train["time_cycles"]).clip(upper=dc["max_rul"])

    units = np.random.permutation(train["unit_nr"].unique())
    val_units = set(units[: dc["val_engines"]])
    is_val = train["unit_nr"].isin(val_units)
    fit_df, val_df = train[~is_val].copy(), train[is_val].copy()

    sensors = dc["sensors"]
    scaler = StandardScaler().fit(fit_df[sensors])
    for d in (fit_df, val_df, test):
        d[sensors] = scaler.transform(d[sensors])

    x_fit, y_fit = windows(fit_df, sensors, dc["window"])
    x_val, y_val = windows(val_df, sensors, dc["window"])
    loader = DataLoader(TensorDataset(x_fit, y_fit), batch_size=tc["batch_size"], shuffle=True, drop_last=True)

    model = ConvRUL(len(sensors), **cfg["model"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    loss_fn = torch.nn.MSELoss()

    best, bad_epochs = float("inf"), 0
    for epoch in range(tc["epochs"]):
        model.train()
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()

        val_rmse = rmse(predict(model, x_val, device), y_val)
        if val_rmse < best - 1e-3:
            best, bad_epochs = val_rmse, 0
            torch.save(model.state_dict(), f"{cfg['experiment']}.pt")
        else:
            bad_epochs += 1
        print(f"epoch {epoch:3d}  loss {loss.item():8.2f}  val_rmse {val_rmse:6.2f}")
        if bad_epochs >= tc["patience"]:
            break

    model.load_state_dict(torch.load(f"{cfg['experiment']}.pt", map_location=device))
    pred = predict(model, last_window(test, sensors, dc["window"]), device).clamp(0, dc["max_rul"])
    test_rmse = rmse(pred, torch.tensor(test_rul, dtype=torch.float32))
    print(f"{dc['subset']} test RMSE ({len(test_rul)} engines): {test_rmse:.2f} | best val {best:.2f}")
    json.dump({"val_rmse": best, "test_rmse": test_rmse}, open(f"{cfg['experiment']}_metrics.json", "w"))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
