"""Spectral CNN health-indicator / RUL model for PRONOSTIA (FEMTO) bearings, leave-bearings-out."""
import numpy as np
import torch
import wandb
import yaml
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error
from torch.utils.data import DataLoader

from femto.data import BearingSnapshots
from femto.engine import predict, seed_everything, train_one_epoch, wandb_settings
from femto.model import SpectralCNN


def main():
    with open("config.yaml") as fh:
        cfg = yaml.safe_load(fh)
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    run = wandb.init(project=cfg["wandb"]["project"], config=cfg, **wandb_settings())

    ds = {k: BearingSnapshots(cfg["data"]["root"], cfg["data"][f"{k}_bearings"]) for k in ("train", "val", "test")}
    dl = {k: DataLoader(v, batch_size=cfg["train"]["batch_size"], shuffle=(k == "train")) for k, v in ds.items()}

    model = SpectralCNN(in_ch=ds["train"].x.shape[1]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"], weight_decay=1e-4)
    loss_fn = torch.nn.SmoothL1Loss(beta=0.05)

    best, stale = np.inf, 0
    for epoch in range(cfg["train"]["max_epochs"]):
        train_loss = train_one_epoch(model, dl["train"], optimizer, loss_fn, device)
        val_pred = predict(model, dl["val"], device)
        val_rmse = float(np.sqrt(mean_squared_error(ds["val"].y.numpy(), val_pred)))
        wandb.log({"epoch": epoch, "train_loss": train_loss, "val_rmse": val_rmse})
        if val_rmse < best:
            best, stale = val_rmse, 0
            torch.save(model.state_dict(), cfg["train"]["checkpoint"])
        else:
            stale += 1
            if stale >= cfg["train"]["patience"]:
                break

    model.load_state_dict(torch.load(cfg["train"]["checkpoint"], map_location=device))
    y_test = ds["test"].y.numpy()
    test_pred = predict(model, dl["test"], device)

    rms = lambda d: d.x.pow(2).mean(dim=(1, 2)).sqrt().numpy().reshape(-1, 1)
    lin = LinearRegression().fit(rms(ds["train"]), ds["train"].y.numpy())
    base_pred = np.clip(lin.predict(rms(ds["test"])), 0, 1)

    summary = {
        "test_rmse": float(np.sqrt(mean_squared_error(y_test, test_pred))),
        "test_mae": float(mean_absolute_error(y_test, test_pred)),
        "baseline_rmse": float(np.sqrt(mean_squared_error(y_test, base_pred))),
        "baseline_mae": float(mean_absolute_error(y_test, base_pred)),
    }
    print(summary)
    run.summary.update(summary)
    run.finish()


if __name__ == "__main__":
    main()
