import json
import random

import numpy as np
import pandas as pd
import torch
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from model import RatingMLP

STAT_COLS = [
    "minutes", "goals_p90", "assists_p90", "xg_p90", "xa_p90", "key_passes_p90",
    "pass_completion", "prog_passes_p90", "prog_carries_p90", "dribbles_won_p90",
    "tackles_won_p90", "interceptions_p90", "aerials_won_p90", "fouls_p90",
    "dispossessed_p90", "team_goal_diff",
]


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def make_loader(df, scaler, pos_index, batch_size, shuffle):
    x = torch.tensor(scaler.transform(df[STAT_COLS]), dtype=torch.float32)
    pos = torch.tensor(df["position"].map(pos_index).to_numpy(), dtype=torch.long)
    y = torch.tensor(df["rating"].to_numpy(), dtype=torch.float32)
    return DataLoader(TensorDataset(x, pos, y), batch_size=batch_size, shuffle=shuffle)


def train_one_epoch(model, loader, opt, loss_fn):
    model.train()
    total = 0.0
    for x, pos, y in loader:
        opt.zero_grad()
        loss = loss_fn(model(x, pos), y)
        loss.backward()
        opt.step()
        total += loss.item() * len(y)
    return total / len(loader.dataset)


@torch.no_grad()
def evaluate(model, loader):
    preds, targets = [], []
    for x, pos, y in loader:
        preds.append(model(x, pos))
        targets.append(y)
    p, t = torch.cat(preds), torch.cat(targets)
    return {"mse": torch.mean((p - t) ** 2).item(), "mae": torch.mean(torch.abs(p - t)).item()}


def main():
    with open("config.json") as f:
        cfg = json.load(f)
    set_seed(cfg["seed"])

    df = pd.read_csv(cfg["data_path"])
    df = df[df.minutes >= cfg["min_minutes"]].dropna(subset=STAT_COLS + ["rating"])
    train = df[df.season.isin(cfg["train_seasons"])]
    val = df[df.season == cfg["val_season"]]
    test = df[df.season == cfg["test_season"]]

    scaler = StandardScaler().fit(train[STAT_COLS])
    pos_index = {p: i for i, p in enumerate(sorted(train.position.unique()))}
    val, test = val[val.position.isin(pos_index)], test[test.position.isin(pos_index)]

    train_dl = make_loader(train, scaler, pos_index, cfg["batch_size"], shuffle=True)
    val_dl = make_loader(val, scaler, pos_index, 1024, shuffle=False)
    test_dl = make_loader(test, scaler, pos_index, 1024, shuffle=False)

    model = RatingMLP(len(STAT_COLS), len(pos_index), cfg["hidden"], cfg["dropout"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    loss_fn = torch.nn.MSELoss()

    best, best_state, bad = float("inf"), None, 0
    for epoch in range(cfg["epochs"]):
        tr_loss = train_one_epoch(model, train_dl, opt, loss_fn)
        val_m = evaluate(model, val_dl)
        print(f"epoch {epoch:02d} train_mse {tr_loss:.4f} val_mse {val_m['mse']:.4f} val_mae {val_m['mae']:.4f}")
        if val_m["mse"] < best:
            best, bad = val_m["mse"], 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            bad += 1
            if bad >= cfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(best_state)
    test_m = evaluate(model, test_dl)
    print("test:", json.dumps(test_m))
    torch.save({"model": model.state_dict(), "pos_index": pos_index}, "rating_mlp.pt")


if __name__ == "__main__":
    main()
