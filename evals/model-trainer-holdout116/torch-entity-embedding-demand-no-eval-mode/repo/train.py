import json
import random

import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader, TensorDataset

from model import EntityEmbeddingNet


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def rmspe(y, yhat):
    mask = y > 0
    return np.sqrt(np.mean(((y[mask] - yhat[mask]) / y[mask]) ** 2))


def to_tensors(df, cat_cols, cont_cols, mu, sd):
    x_cat = torch.tensor(df[cat_cols].values, dtype=torch.long)
    x_cont = torch.tensor(((df[cont_cols] - mu) / sd).values, dtype=torch.float32)
    y = torch.tensor(np.log1p(df["Sales"].values), dtype=torch.float32)
    return TensorDataset(x_cat, x_cont, y)


def evaluate(model, loader, device):
    preds, ys = [], []
    with torch.no_grad():
        for x_cat, x_cont, y in loader:
            out = model(x_cat.to(device), x_cont.to(device))
            preds.append(out.cpu().numpy())
            ys.append(y.numpy())
    preds, ys = np.expm1(np.concatenate(preds)), np.expm1(np.concatenate(ys))
    return rmspe(ys, preds)


def main():
    cfg = json.load(open("config.json"))
    set_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_parquet(cfg["data_path"])
    df = df[(df["Open"] == 1) & (df["Sales"] > 0)].sort_values("Date")
    cat_cols, cont_cols = list(cfg["emb_dims"]), cfg["cont_cols"]

    last = df["Date"].max()
    test_start = last - pd.Timedelta(weeks=cfg["test_weeks"])
    val_start = test_start - pd.Timedelta(weeks=cfg["val_weeks"])
    train = df[df["Date"] <= val_start]
    val = df[(df["Date"] > val_start) & (df["Date"] <= test_start)]
    test = df[df["Date"] > test_start]

    mu, sd = train[cont_cols].mean(), train[cont_cols].std().replace(0, 1)
    train_dl = DataLoader(to_tensors(train, cat_cols, cont_cols, mu, sd), batch_size=cfg["batch_size"], shuffle=True)
    val_dl = DataLoader(to_tensors(val, cat_cols, cont_cols, mu, sd), batch_size=4096)
    test_dl = DataLoader(to_tensors(test, cat_cols, cont_cols, mu, sd), batch_size=4096)

    cards = [int(df[c].max()) + 1 for c in cat_cols]
    model = EntityEmbeddingNet(cards, list(cfg["emb_dims"].values()), len(cont_cols),
                               cfg["hidden"], cfg["dropout"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    loss_fn = torch.nn.MSELoss()

    best, best_state = np.inf, None
    model.train()
    for epoch in range(cfg["epochs"]):
        for x_cat, x_cont, y in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(x_cat.to(device), x_cont.to(device)), y.to(device))
            loss.backward()
            opt.step()
        val_rmspe = evaluate(model, val_dl, device)
        print(f"epoch {epoch:02d} loss {loss.item():.4f} val RMSPE {val_rmspe:.4f}")
        if val_rmspe < best:
            best, best_state = val_rmspe, {k: v.detach().clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    print(f"best val RMSPE {best:.4f} | test RMSPE {evaluate(model, test_dl, device):.4f}")
    torch.save(model.state_dict(), "entity_emb_rossmann.pt")


if __name__ == "__main__":
    main()
