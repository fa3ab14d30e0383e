from pathlib import Path

import numpy as np
import torch
import yaml
from torch.utils.data import DataLoader

from data import WindowDataset, load_series
from model import CPUEForecaster


def rmse_on(model, loader):
    model.eval()
    se, n = 0.0, 0
    with torch.no_grad():
        for xb, yb in loader:
            se += ((model(xb) - yb) ** 2).sum().item()
            n += yb.numel()
    return (se / n) ** 0.5


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    dc, mc, tc = cfg["data"], cfg["model"], cfg["train"]
    series = load_series(dc["path"], dc["features"])

    split = len(series) - dc["test_weeks"]
    train_arr = series.iloc[:split].to_numpy()
    # test windows start with the last `window` weeks of training as context
    test_arr = series.iloc[split - dc["window"]:].to_numpy()
    mu, sd = train_arr.mean(0), train_arr.std(0) + 1e-6
    train_arr, test_arr = (train_arr - mu) / sd, (test_arr - mu) / sd

    train_ds = WindowDataset(train_arr, dc["window"], dc["horizon"])
    test_ds = WindowDataset(test_arr, dc["window"], dc["horizon"])
    train_dl = DataLoader(train_ds, batch_size=tc["batch_size"], shuffle=True)
    test_dl = DataLoader(test_ds, batch_size=256)

    model = CPUEForecaster(len(dc["features"]), mc["hidden"], mc["layers"], mc["dropout"], dc["horizon"])
    opt = torch.optim.Adam(model.parameters(), lr=tc["lr"])
    loss_fn = torch.nn.MSELoss()
    Path(tc["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)

    best = np.inf
    for epoch in range(tc["epochs"]):
        model.train()
        for xb, yb in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        test_rmse = rmse_on(model, test_dl)
        if test_rmse < best:
            best = test_rmse
            torch.save(model.state_dict(), tc["checkpoint"])
        if epoch % 10 == 0:
            print(f"epoch {epoch:3d}  loss {loss.item():.4f}  test RMSE {test_rmse:.4f}")

    model.load_state_dict(torch.load(tc["checkpoint"]))
    final = rmse_on(model, test_dl)
    # back to log-CPUE units
    print(f"best checkpoint: test RMSE {final * sd[0]:.3f} log(t/vessel-day) over {dc['horizon']}-week horizon")


if __name__ == "__main__":
    main()
