import random
from pathlib import Path

import numpy as np
import torch
import yaml
from torch.utils.data import DataLoader

from rul_lstm.data import WindowDataset, fit_standardizer, load_frames
from rul_lstm.engine import evaluate, train_one_epoch
from rul_lstm.model import LSTMRegressor


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    set_seed(cfg["seed"])
    dcfg, tcfg = cfg["data"], cfg["train"]
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_df, test_df = load_frames(dcfg)
    standardize = fit_standardizer(train_df, dcfg["sensors"])
    train_ds = WindowDataset(train_df, dcfg["sensors"], dcfg["window"], standardize)
    test_ds = WindowDataset(test_df, dcfg["sensors"], dcfg["window"], standardize, last_only=True)
    train_loader = DataLoader(train_ds, batch_size=tcfg["batch_size"], shuffle=True)
    test_loader = DataLoader(test_ds, batch_size=tcfg["batch_size"])

    model = LSTMRegressor(len(dcfg["sensors"]), **cfg["model"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=tcfg["lr"])
    loss_fn = torch.nn.MSELoss()

    # baseline: predict the mean training RUL for every engine
    mean_rul = float(train_ds.y.mean())
    base_rmse = float(np.sqrt(np.mean((test_ds.y.numpy() - mean_rul) ** 2)))

    best_rmse, bad_epochs = float("inf"), 0
    Path(tcfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(tcfg["epochs"]):
        train_loss = train_one_epoch(model, train_loader, optimizer, loss_fn, device)
        metrics = evaluate(model, test_loader, device)
        print(f"epoch {epoch:3d} train_mse {train_loss:8.2f} rmse {metrics['rmse']:6.2f}")
        if metrics["rmse"] < best_rmse:
            best_rmse, bad_epochs = metrics["rmse"], 0
            torch.save(model.state_dict(), tcfg["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= tcfg["patience"]:
                break

    model.load_state_dict(torch.load(tcfg["checkpoint"]))
    final = evaluate(model, test_loader, device)
    print(f"baseline RMSE {base_rmse:.2f} | LSTM test RMSE {final['rmse']:.2f} MAE {final['mae']:.2f}")


if __name__ == "__main__":
    main()
