import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from model import PrbGRU
from utils import make_windows, set_seed


def run_epoch_eval(model, loader):
    model.eval()
    se, n = 0.0, 0
    with torch.no_grad():
        for xb, cb, yb in loader:
            se += ((model(xb, cb) - yb) ** 2).sum().item()
            n += yb.numel()
    return (se / n) ** 0.5


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    set_seed(cfg["seed"])

    df = pd.read_parquet(cfg["data"]["path"]).sort_values(["cell_id", "timestamp"])
    df["hour_sin"] = np.sin(2 * np.pi * df["timestamp"].dt.hour / 24)
    df["hour_cos"] = np.cos(2 * np.pi * df["timestamp"].dt.hour / 24)
    cell_index = {c: i for i, c in enumerate(sorted(df["cell_id"].unique()))}

    train = df[df["timestamp"] < cfg["data"]["val_start"]].copy()
    val = df[(df["timestamp"] >= cfg["data"]["val_start"]) & (df["timestamp"] < cfg["data"]["test_start"])].copy()
    test = df[df["timestamp"] >= cfg["data"]["test_start"]].copy()

    cols = [c for c in cfg["inputs"] if not c.startswith("hour_")]
    scaler = StandardScaler().fit(train[cols])
    for part in (train, val, test):
        part[cols] = scaler.transform(part[cols])

    w = cfg["window"]
    mk = lambda f: TensorDataset(*make_windows(f, cfg["inputs"], cfg["target"], w["lookback"], w["horizon"], cell_index))
    tr_dl = DataLoader(mk(train), batch_size=cfg["train"]["batch_size"], shuffle=True)
    va_dl = DataLoader(mk(val), batch_size=2048)
    te_dl = DataLoader(mk(test), batch_size=2048)

    model = PrbGRU(len(cfg["inputs"]), len(cell_index), w["horizon"], **cfg["model"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"])
    loss_fn = torch.nn.MSELoss()

    best, bad = float("inf"), 0
    for epoch in range(cfg["train"]["epochs"]):
        model.train()
        for xb, cb, yb in tr_dl:
            opt.zero_grad()
            loss = loss_fn(model(xb, cb), yb)
            loss.backward()
            opt.step()
        val_rmse = run_epoch_eval(model, va_dl)
        print(f"epoch {epoch:02d} val RMSE (scaled) {val_rmse:.4f}")
        if val_rmse < best - 1e-4:
            best, bad = val_rmse, 0
            torch.save(model.state_dict(), "prb_gru_best.pt")
        else:
            bad += 1
            if bad >= cfg["train"]["patience"]:
                break

    model.load_state_dict(torch.load("prb_gru_best.pt"))
    test_rmse = run_epoch_eval(model, te_dl)
    tgt_scale = scaler.scale_[cols.index(cfg["target"])]
    print(f"test RMSE {test_rmse * tgt_scale:.2f} PRB % (val best {best * tgt_scale:.2f})")


if __name__ == "__main__":
    main()
