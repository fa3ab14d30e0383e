"""Train the traffic-speed transformer (12 x 5-min steps ahead) and compare with classic baselines."""
import argparse
import json
import logging

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader

from src.tsformer.data import WindowDataset, chronological_split, lag_matrix
from src.tsformer.model import TrafficFormer

log = logging.getLogger("train")


def get_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/speed_5min.parquet")
    p.add_argument("--context", type=int, default=48)
    p.add_argument("--horizon", type=int, default=12)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--grad-accum", type=int, default=4)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--epochs", type=int, default=50)
    p.add_argument("--patience", type=int, default=7)
    p.add_argument("--seed", type=int, default=3)
    return p.parse_args()


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    return torch.cat([model(x.to(device)).cpu() for x, _ in loader]).numpy()


def scores(y_true, y_pred):
    y_true, y_pred = y_true.reshape(len(y_true), -1), y_pred.reshape(len(y_pred), -1)
    return {"MAE": mean_absolute_error(y_true, y_pred), "RMSE": float(np.sqrt(mean_squared_error(y_true, y_pred)))}


def main():
    args = get_args()
    logging.basicConfig(level=logging.INFO)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    speeds = pd.read_parquet(args.data).sort_index().ffill(limit=6)
    train_df, val_df, test_df = chronological_split(speeds)
    scaler = StandardScaler().fit(train_df.values)
    tr, va, te = (scaler.transform(d.values) for d in (train_df, val_df, test_df))

    train_dl = DataLoader(WindowDataset(tr, args.context, args.horizon), args.batch_size, shuffle=True)
    val_dl = DataLoader(WindowDataset(va, args.context, args.horizon), 256)
    test_ds = WindowDataset(te, args.context, args.horizon)
    test_dl = DataLoader(test_ds, 256)

    model = TrafficFormer(n_sensors=tr.shape[1], horizon=args.horizon).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.05)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
    loss_fn = torch.nn.SmoothL1Loss()

    best_val, stale = np.inf, 0
    for epoch in range(args.epochs):
        model.train()
        for step, (x, y) in enumerate(train_dl):
            x, y = x.to(device), y.to(device)
            loss = loss_fn(model(x), y) / args.grad_accum
            loss.backward()
            if (step + 1) % args.grad_accum == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
        scheduler.step()

        val_pred = predict(model, val_dl, device)
        val_true = np.stack([y.numpy() for _, y in WindowDataset(va, args.context, args.horizon)])
        val_mae = mean_absolute_error(val_true.reshape(len(val_true), -1), val_pred.reshape(len(val_pred), -1))
        log.info("epoch %d val MAE (scaled) %.4f", epoch, val_mae)
        if val_mae < best_val:
            best_val, stale = val_mae, 0
            torch.save(model.state_dict(), "trafficformer_best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load("trafficformer_best.pt"))
    y_test = np.stack([y.numpy() for _, y in test_ds])
    pred = predict(model, test_dl, device)

    X_lag_tr, Y_lag_tr = lag_matrix(tr, args.context, args.horizon)
    X_lag_te, _ = lag_matrix(te, args.context, args.horizon)
    ridge = Ridge(alpha=10.0).fit(X_lag_tr, Y_lag_tr)
    ridge_pred = ridge.predict(X_lag_te).reshape(y_test.shape)
    last = np.stack([x.numpy()[-1] for x, _ in test_ds])
    persistence = np.repeat(last[:, None, :], args.horizon, axis=1)

    inv = lambda a: scaler.inverse_transform(a.reshape(-1, a.shape[-1])).reshape(a.shape)
    results = {name: scores(inv(y_test), inv(p)) for name, p in
               {"transformer": pred, "ridge_lags": ridge_pred, "persistence": persistence}.items()}
    print(json.dumps(results, indent=2, default=float))


if __name__ == "__main__":
    main()
