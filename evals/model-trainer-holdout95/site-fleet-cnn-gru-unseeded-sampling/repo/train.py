"""Day-ahead net-load forecast for behind-the-meter PV + battery sites."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from torch.utils.data import DataLoader

from fleet.models import ConvGRU, predict
from fleet.windows import INPUTS, FleetWindows, add_calendar, apply_stats, site_stats


def sample_sites(site_ids, n):
    rng = np.random.default_rng()
    return sorted(rng.choice(site_ids, size=min(n, len(site_ids)), replace=False))


def main(cfg_path="config.yaml"):
    with open(cfg_path) as fh:
        cfg = yaml.safe_load(fh)
    d, w, o = cfg["data"], cfg["window"], cfg["optim"]
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = pd.read_parquet(d["telemetry"])
    sites = sample_sites(df["site_id"].unique(), d["n_sites"])
    df = add_calendar(df[df["site_id"].isin(sites)].copy())

    train_df = df[df["ts"] <= d["train_until"]]
    val_df = df[(df["ts"] > d["train_until"]) & (df["ts"] <= d["val_until"])]
    test_df = df[df["ts"] > d["val_until"]]
    stats = site_stats(train_df)
    train_df, val_df, test_df = (apply_stats(x, stats) for x in (train_df, val_df, test_df))

    mk = lambda x, stride: FleetWindows(x, w["lookback"], w["horizon"], stride)
    train_ds, val_ds, test_ds = mk(train_df, w["stride"]), mk(val_df, w["horizon"]), mk(test_df, w["horizon"])
    train_loader = DataLoader(train_ds, batch_size=o["batch_size"], shuffle=True)
    val_loader = DataLoader(val_ds, batch_size=1024)
    test_loader = DataLoader(test_ds, batch_size=1024)
    y_val = torch.stack([val_ds[i][1] for i in range(len(val_ds))]).numpy()

    m = cfg["model"]
    model = ConvGRU(len(INPUTS), m["conv_channels"], m["hidden"], w["horizon"], m["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=o["lr"])
    loss_fn = torch.nn.HuberLoss(delta=0.5)
    ckpt = Path(cfg["output"]["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best, patience_left = np.inf, o["patience"]
    for epoch in range(o["epochs"]):
        model.train()
        for xb, yb in train_loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb.to(device)), yb.to(device))
            loss.backward()
            optimizer.step()
        val_mae = float(np.abs(predict(model, val_loader, device) - y_val).mean())
        print(f"epoch {epoch:02d} val MAE (scaled) {val_mae:.4f}")
        if val_mae < best:
            best, patience_left = val_mae, o["patience"]
            torch.save(model.state_dict(), ckpt)
        else:
            patience_left -= 1
            if patience_left == 0:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    y_test = torch.stack([test_ds[i][1] for i in range(len(test_ds))]).numpy()
    x_prev_day = torch.stack([test_ds[i][0][-w["horizon"]:, 0] for i in range(len(test_ds))]).numpy()
    for name, p in [("conv_gru", predict(model, test_loader, device)), ("previous_day", x_prev_day)]:
        mae = np.abs(p - y_test).mean()
        rmse = np.sqrt(((p - y_test) ** 2).mean())
        print(f"{name:>13}: nMAE {mae:.4f}  nRMSE {rmse:.4f}")


if __name__ == "__main__":
    main()
