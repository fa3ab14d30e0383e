import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from model import ContributionNet
from utils import EarlyStopper, seed_everything

COLS = ["passes_p90", "prog_passes_p90", "carries_p90", "prog_carries_p90", "touches_box_p90",
        "shots_p90", "key_passes_p90", "crosses_p90", "dribbles_p90", "duels_won_pct",
        "recoveries_p90", "pressures_p90", "team_possession", "opp_elo", "is_home"]
TARGET = "xt_added_p90"


def tensors(frame, scaler):
    return (torch.tensor(scaler.transform(frame[COLS]), dtype=torch.float32),
            torch.tensor(frame[TARGET].to_numpy(), dtype=torch.float32))


def evaluate(model, x, y):
    model.eval()
    with torch.no_grad():
        pred = model(x)
    return torch.mean((pred - y) ** 2).item(), torch.mean(torch.abs(pred - y)).item()


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed_everything(cfg["seed"])
    d = cfg["data"]

    df = pd.read_parquet(d["path"])
    df = df[df.minutes >= d["min_minutes"]].dropna(subset=COLS + [TARGET])
    train = df[df.season <= d["train_until"]]
    val = df[df.season == d["val_season"]]
    test = df[df.season == d["test_season"]]

    scaler = StandardScaler().fit(train[COLS])
    x_tr, y_tr = tensors(train, scaler)
    x_va, y_va = tensors(val, scaler)
    loader = DataLoader(TensorDataset(x_tr, y_tr), batch_size=cfg["train"]["batch_size"], shuffle=True)

    model = ContributionNet(len(COLS), cfg["model"]["hidden"], cfg["model"]["dropout"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"])
    stopper = EarlyStopper(cfg["train"]["patience"])

    for epoch in range(cfg["train"]["max_epochs"]):
        model.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(model(xb), yb)
            loss.backward()
            opt.step()
        val_mse, val_mae = evaluate(model, x_va, y_va)
        print(f"epoch {epoch:3d}  val_mse {val_mse:.5f}  val_mae {val_mae:.5f}")
        if stopper.step(val_mse, model):
            print(f"stopping, best val_mse {stopper.best:.5f}")
            break

    model.load_state_dict(stopper.state)
    x_te, y_te = tensors(test, scaler)
    test_mse, test_mae = evaluate(model, x_te, y_te)
    naive_mae = np.mean(np.abs(test[TARGET] - train[TARGET].mean()))
    print(f"test mse {test_mse:.5f}  mae {test_mae:.5f}  (train-mean baseline mae {naive_mae:.5f})")
    torch.save({"state_dict": model.state_dict(), "scaler_mean": scaler.mean_, "scaler_scale": scaler.scale_},
               "contribution_net.pt")


if __name__ == "__main__":
    main()
