import argparse

import pandas as pd
import torch
from torch.utils.data import DataLoader

from dataset import NUMERIC, PanelDataset
from model import DemandNet


def evaluate(model, loader, device):
    model.eval()
    se, ae, n = 0.0, 0.0, 0
    with torch.no_grad():
        for num, store, sku, woy, y in loader:
            num, store, sku, woy, y = (t.to(device) for t in (num, store, sku, woy, y))
            pred = model(num, store, sku, woy)
            se += ((pred - y) ** 2).sum().item()
            ae += (torch.expm1(pred) - torch.expm1(y)).abs().sum().item()
            n += len(y)
    return se / n, ae / n


def main(a):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    df = pd.read_parquet(a.panel)
    df["week_start"] = pd.to_datetime(df["week_start"])
    train = df[df["week_start"] < a.val_start]
    val = df[(df["week_start"] >= a.val_start) & (df["week_start"] < a.test_start)]
    test = df[df["week_start"] >= a.test_start]

    mean, std = train[NUMERIC].mean(), train[NUMERIC].std().replace(0, 1.0)
    train_dl = DataLoader(PanelDataset(train, mean, std), batch_size=a.batch_size, shuffle=True, num_workers=4)
    val_dl = DataLoader(PanelDataset(val, mean, std), batch_size=4096)
    test_dl = DataLoader(PanelDataset(test, mean, std), batch_size=4096)

    model = DemandNet(len(NUMERIC), df["store_idx"].max() + 1, df["sku_idx"].max() + 1).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=2)
    loss_fn = torch.nn.HuberLoss(delta=1.0)

    best = float("inf")
    for epoch in range(a.epochs):
        model.train()
        for num, store, sku, woy, y in train_dl:
            num, store, sku, woy, y = (t.to(device) for t in (num, store, sku, woy, y))
            opt.zero_grad()
            loss = loss_fn(model(num, store, sku, woy), y)
            loss.backward()
            opt.step()
        val_mse, val_mae = evaluate(model, val_dl, device)
        sched.step(val_mse)
        print(f"epoch {epoch}: val mse(log) {val_mse:.4f}  val MAE(units) {val_mae:.3f}")
        if val_mse < best:
            best = val_mse
            torch.save(model.state_dict(), a.ckpt)

    model.load_state_dict(torch.load(a.ckpt))
    test_mse, test_mae = evaluate(model, test_dl, device)
    print(f"test mse(log) {test_mse:.4f}  test MAE(units) {test_mae:.3f}")
    slopes = model.sku_slope.weight.detach().cpu().squeeze(1).numpy()
    pd.Series(slopes, name="price_slope").to_csv("artifacts/sku_price_slopes.csv")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--panel", default="data/panel_indexed.parquet")
    p.add_argument("--val-start", default="2023-10-02")
    p.add_argument("--test-start", default="2024-01-01")
    p.add_argument("--batch-size", type=int, default=1024)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--epochs", type=int, default=25)
    p.add_argument("--ckpt", default="artifacts/demand_net.pt")
    main(p.parse_args())
