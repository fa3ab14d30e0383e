import tomllib
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, random_split

from tcn.dataset import ReturnWindows, load_prices, log_returns
from tcn.model import TCN

with open("config/tcn.toml", "rb") as fh:
    CFG = tomllib.load(fh)


def evaluate(model, loader, loss_fn, device):
    model.eval()
    preds, targets = [], []
    with torch.no_grad():
        for xb, yb in loader:
            preds.append(model(xb.to(device)).cpu())
            targets.append(yb)
    preds, targets = torch.cat(preds), torch.cat(targets)
    return loss_fn(preds, targets).item(), preds.numpy(), targets.numpy()


def main() -> None:
    d, t = CFG["data"], CFG["train"]
    device = "cuda" if torch.cuda.is_available() else "cpu"
    px = load_prices(d["prices_csv"], d["tickers"])
    rets = log_returns(px).to_numpy()
    target_col = d["tickers"].index(d["target"])
    lookback, n_test = d["lookback"], d["test_days"]

    dev_rets, test_rets = rets[:-n_test], rets[-(n_test + lookback):]
    dev_ds = ReturnWindows(dev_rets, lookback, target_col)
    test_ds = ReturnWindows(test_rets, lookback, target_col, mean=dev_ds.mean, std=dev_ds.std)
    n_val = int(len(dev_ds) * t["val_frac"])
    train_ds, val_ds = random_split(dev_ds, [len(dev_ds) - n_val, n_val])

    train_loader = DataLoader(train_ds, batch_size=t["batch_size"], shuffle=True, drop_last=True)
    val_loader = DataLoader(val_ds, batch_size=512)
    test_loader = DataLoader(test_ds, batch_size=512)

    model = TCN(n_inputs=len(d["tickers"]), dropout=t["dropout"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=t["lr"])
    loss_fn = nn.MSELoss()
    ckpt = Path(t["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best_val, wait = float("inf"), 0
    for epoch in range(t["epochs"]):
        model.train()
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
        val_loss, _, _ = evaluate(model, val_loader, loss_fn, device)
        print(f"epoch {epoch:03d} val_mse={val_loss:.4f}")
        if val_loss < best_val - 1e-5:
            best_val, wait = val_loss, 0
            torch.save(model.state_dict(), ckpt)
        else:
            wait += 1
            if wait >= t["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    _, pred_z, true_z = evaluate(model, test_loader, loss_fn, device)
    mu, sd = dev_ds.mean[target_col], dev_ds.std[target_col]
    pred, true = pred_z * sd + mu, true_z * sd + mu
    candidates = {"tcn": pred, "zero_return": np.zeros_like(true), "train_mean": np.full_like(true, mu)}
    for name, p in candidates.items():
        rmse = np.sqrt(np.mean((p - true) ** 2))
        mae = np.mean(np.abs(p - true))
        hit = np.mean(np.sign(p) == np.sign(true))
        print(f"{name:12s} RMSE={rmse:.5f} MAE={mae:.5f} hit_rate={hit:.3f}")


if __name__ == "__main__":
    main()
