"""Transformer load (MVA) at substation S7, next 3 h at 5-min resolution, with a dilated causal TCN."""
import json
import sys
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader

from tcnfc.data import CHANNELS, SlidingWindows, load_substation
from tcnfc.loop import predict, seed_all, train_epoch
from tcnfc.model import TCNForecaster


def main(cfg_path: str = "experiment.json") -> None:
    cfg = json.loads(Path(cfg_path).read_text())
    seed_all(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)

    df = load_substation(cfg["data"]["path"], cfg["data"]["resample"])
    n = len(df)
    n_tr = int(n * cfg["data"]["train_frac"])
    n_va = n_tr + int(n * cfg["data"]["val_frac"])
    mean = df.iloc[:n_tr].mean()
    std = df.iloc[:n_tr].std().replace(0, 1.0)
    arr = ((df - mean) / std).to_numpy(np.float32)

    L, H = cfg["window"]["lookback"], cfg["window"]["horizon"]
    o = cfg["optim"]
    g = torch.Generator().manual_seed(cfg["seed"])
    train_dl = DataLoader(SlidingWindows(arr[:n_tr], L, H), batch_size=o["micro_batch"], shuffle=True,
                          generator=g, drop_last=True)
    val_ds = SlidingWindows(arr[n_tr - L:n_va], L, H)
    test_ds = SlidingWindows(arr[n_va - L:], L, H)
    val_dl = DataLoader(val_ds, batch_size=512)
    test_dl = DataLoader(test_ds, batch_size=512)
    y_val = np.stack([val_ds[i][1].numpy() for i in range(len(val_ds))])

    m = cfg["model"]
    model = TCNForecaster(len(CHANNELS), m["channels"], m["kernel_size"], m["dropout"], H).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=o["lr"], weight_decay=1e-4)
    criterion = torch.nn.MSELoss()
    grad_scaler = torch.cuda.amp.GradScaler(enabled=o["amp"] and device.type == "cuda")

    best, bad = np.inf, 0
    for epoch in range(o["epochs"]):
        tr_loss = train_epoch(model, train_dl, optimizer, criterion, device, o["accum_steps"], grad_scaler)
        va_mse = float(((predict(model, val_dl, device) - y_val) ** 2).mean())
        print(f"[{epoch:02d}] train {tr_loss:.4f} | val {va_mse:.4f}")
        if va_mse < best - 1e-5:
            best, bad = va_mse, 0
            torch.save({"model": model.state_dict(), "mean": mean.to_dict(), "std": std.to_dict()}, out / "best.pt")
        else:
            bad += 1
            if bad >= o["patience"]:
                break

    state = torch.load(out / "best.pt", map_location=device)
    model.load_state_dict(state["model"])
    y_test = np.stack([test_ds[i][1].numpy() for i in range(len(test_ds))])
    last_obs = np.stack([test_ds[i][0][-1, 0].numpy() for i in range(len(test_ds))])
    mva = lambda a: a * std["load_mva"] + mean["load_mva"]
    candidates = {
        "tcn": predict(model, test_dl, device),
        "persistence": np.repeat(last_obs[:, None], H, axis=1),
        "daily_naive": np.stack([test_ds[i][0][L - 288:L - 288 + H, 0].numpy() for i in range(len(test_ds))]),
    }
    results = {}
    for name, p in candidates.items():
        err = mva(p) - mva(y_test)
        results[name] = {"MAE_MVA": float(np.abs(err).mean()), "RMSE_MVA": float(np.sqrt((err ** 2).mean()))}
    print(json.dumps(results, indent=2))
    (out / "test_metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
