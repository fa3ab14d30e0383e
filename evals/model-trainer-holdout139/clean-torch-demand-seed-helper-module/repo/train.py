import argparse

import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader, TensorDataset

from pricing_nn.net import PriceResponseNet
from pricing_nn.utils import set_seed, wape

CTX = ["display_flag", "feature_flag", "holiday_flag", "temp_c_avg", "woy_sin", "woy_cos",
       "log_units_lag_1", "log_units_lag_52", "log_comp_rel_price"]


def make_ds(d, mu, sd):
    ctx = torch.tensor(((d[CTX] - mu) / sd).fillna(0).to_numpy(), dtype=torch.float32)
    return TensorDataset(ctx, torch.tensor(d["sku_idx"].to_numpy()),
                         torch.tensor(d["log_rel_price"].to_numpy(), dtype=torch.float32),
                         torch.tensor(d["units_sold"].to_numpy(), dtype=torch.float32))


@torch.no_grad()
def predict(model, loader):
    model.eval()
    out = [torch.exp(model(c, s, p)) for c, s, p, _ in loader]
    return torch.cat(out).numpy()


def main(a):
    set_seed(a.seed)
    df = pd.read_parquet(a.panel)
    df["week_start"] = pd.to_datetime(df["week_start"])
    tr = df[df["week_start"] < a.valid_from]
    va = df[(df["week_start"] >= a.valid_from) & (df["week_start"] < a.test_from)]
    te = df[df["week_start"] >= a.test_from]
    mu, sd = tr[CTX].mean(), tr[CTX].std().replace(0, 1)

    train_dl = DataLoader(make_ds(tr, mu, sd), batch_size=1024, shuffle=True)
    valid_dl = DataLoader(make_ds(va, mu, sd), batch_size=8192)
    test_dl = DataLoader(make_ds(te, mu, sd), batch_size=8192)

    model = PriceResponseNet(len(CTX), int(df["sku_idx"].max()) + 1)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=1e-4)
    loss_fn = torch.nn.PoissonNLLLoss(log_input=True)

    best, best_state, bad = np.inf, None, 0
    for epoch in range(a.epochs):
        model.train()
        for c, s, p, y in train_dl:
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(c, s, p), y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
        v = wape(va["units_sold"].to_numpy(), predict(model, valid_dl))
        print(f"epoch {epoch:02d} valid WAPE {v:.4f}")
        if v < best:
            best, bad = v, 0
            best_state = {k: t.clone() for k, t in model.state_dict().items()}
        else:
            bad += 1
            if bad >= a.patience:
                break

    model.load_state_dict(best_state)
    print(f"best valid WAPE {best:.4f}  test WAPE {wape(te['units_sold'].to_numpy(), predict(model, test_dl)):.4f}")
    torch.save(model.state_dict(), a.out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--panel", default="data/price_response_panel.parquet")
    ap.add_argument("--valid-from", default="2023-10-02")
    ap.add_argument("--test-from", default="2024-01-01")
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--out", default="artifacts/price_response_net.pt")
    main(ap.parse_args())
