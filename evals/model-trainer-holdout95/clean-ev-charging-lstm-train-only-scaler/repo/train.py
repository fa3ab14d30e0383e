"""Next-day hourly charging energy for an EV depot, LSTM vs. weekly seasonal naive."""
import argparse
import json
from pathlib import Path

import numpy as np
import torch
import yaml
from torch.utils.data import DataLoader, TensorDataset

from evload.features import apply_scaler, fit_scaler, hourly_demand, windows
from evload.model import DemandLSTM
from evload.utils import regression_report, set_seed


def loader(X, y, bs, shuffle):
    return DataLoader(TensorDataset(torch.from_numpy(X), torch.from_numpy(y)), batch_size=bs, shuffle=shuffle)


@torch.no_grad()
def predict(model, dl, device):
    model.eval()
    return torch.cat([model(xb.to(device)).cpu() for xb, _ in dl]).numpy()


def main(cfg):
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    L, H = cfg["window"]["lookback"], cfg["window"]["horizon"]

    frame = hourly_demand(cfg["data"]["sessions_csv"])[cfg["features"]]
    train_end, val_end = cfg["data"]["train_end"], cfg["data"]["val_end"]
    scaler = fit_scaler(frame.loc[:train_end])
    scaled = apply_scaler(frame, scaler).to_numpy(np.float32)

    n_tr = len(frame.loc[:train_end])
    n_va = len(frame.loc[:val_end])
    X_tr, y_tr = windows(scaled[:n_tr], L, H)
    X_va, y_va = windows(scaled[n_tr - L:n_va], L, H)
    X_te, y_te = windows(scaled[n_va - L:], L, H)

    bs = cfg["train"]["batch_size"]
    dl_tr, dl_va, dl_te = loader(X_tr, y_tr, bs, True), loader(X_va, y_va, bs, False), loader(X_te, y_te, bs, False)

    m = cfg["model"]
    model = DemandLSTM(X_tr.shape[-1], m["hidden"], m["layers"], H, m["dropout"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"])
    loss_fn = torch.nn.MSELoss()
    out_dir = Path(cfg["train"]["checkpoint_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    best, wait = float("inf"), 0
    for epoch in range(cfg["train"]["max_epochs"]):
        model.train()
        for xb, yb in dl_tr:
            opt.zero_grad()
            loss = loss_fn(model(xb.to(device)), yb.to(device))
            loss.backward()
            opt.step()
        val_mse = float(((predict(model, dl_va, device) - y_va) ** 2).mean())
        if val_mse < best:
            best, wait = val_mse, 0
            torch.save(model.state_dict(), out_dir / "best.pt")
        else:
            wait += 1
        print(f"epoch {epoch:02d} val_mse {val_mse:.4f} (best {best:.4f})")
        if wait >= cfg["train"]["patience"]:
            break

    model.load_state_dict(torch.load(out_dir / "best.pt", map_location=device))
    mu, sd = scaler.mean_[0], scaler.scale_[0]
    y_true = y_te * sd + mu
    y_lstm = np.clip(predict(model, dl_te, device) * sd + mu, 0, None)
    y_snaive = X_te[:, L - 168:L - 168 + H, 0] * sd + mu
    report = {"lstm": regression_report(y_true, y_lstm), "seasonal_naive_7d": regression_report(y_true, y_snaive)}
    print(json.dumps(report, indent=2))
    (out_dir / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/depot_north.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
