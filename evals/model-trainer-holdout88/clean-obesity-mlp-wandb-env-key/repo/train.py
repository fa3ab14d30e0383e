"""County adult obesity prevalence from food-environment and socioeconomic covariates."""
import os
import random
from pathlib import Path

import numpy as np
import torch
import wandb
import yaml
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from obesity_mlp.data import FEATURES, build_loaders, load, state_split
from obesity_mlp.loops import predict, train_epoch
from obesity_mlp.model import CountyMLP


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def metrics(y, p):
    return {"mae": mean_absolute_error(y, p), "rmse": mean_squared_error(y, p) ** 0.5, "r2": r2_score(y, p)}


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed_all(cfg["seed"])
    api_key = os.environ.get("WANDB_API_KEY")
    if api_key:
        wandb.login(key=api_key)
    run = wandb.init(
        project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg,
        mode="online" if api_key else "disabled",
    )

    df = load(cfg["data_path"])
    trainval, test = state_split(df, cfg["test_state_frac"], cfg["seed"])
    train, val = state_split(trainval, cfg["val_state_frac"], cfg["seed"] + 1)
    train_dl, val_dl, test_dl, scaler = build_loaders(train, val, test, cfg["target"], cfg["batch_size"], cfg["seed"])

    model = CountyMLP(len(FEATURES), cfg["hidden"], cfg["dropout"])
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    loss_fn = torch.nn.MSELoss()
    Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)

    best, bad = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        tr_loss = train_epoch(model, train_dl, optimizer, loss_fn)
        vp, vy = predict(model, val_dl)
        val_rmse = float(np.sqrt(np.mean((vp - vy) ** 2)))
        run.log({"epoch": epoch, "train_mse": tr_loss, "val_rmse": val_rmse})
        if val_rmse < best:
            best, bad = val_rmse, 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            bad += 1
            if bad >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(cfg["checkpoint"]))
    tp, ty = predict(model, test_dl)
    ridge = RidgeCV(alphas=np.logspace(-3, 3, 13)).fit(scaler.transform(train[FEATURES]), train[cfg["target"]])
    rp = ridge.predict(scaler.transform(test[FEATURES]))
    mean_pred = np.full_like(ty, train[cfg["target"]].mean())
    summary = {"mlp": metrics(ty, tp), "ridge": metrics(ty, rp), "mean": metrics(ty, mean_pred)}
    for name, m in summary.items():
        print(f"{name:>6}: MAE={m['mae']:.3f} RMSE={m['rmse']:.3f} R2={m['r2']:.3f}")
        run.summary.update({f"test/{name}_{k}": v for k, v in m.items()})
    run.finish()


if __name__ == "__main__":
    main()
