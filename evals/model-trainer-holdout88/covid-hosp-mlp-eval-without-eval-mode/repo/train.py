"""Train the county-level next-week COVID-19 admissions model."""
import json
import random
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import mean_absolute_error, mean_squared_error

from covid_hosp.data import FEATURES, load_frame, make_loaders, time_split
from covid_hosp.engine import evaluate, train_one_epoch
from covid_hosp.model import AdmissionsMLP


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def summarize(name, y_log, p_log):
    y, p = np.expm1(y_log), np.expm1(p_log)
    print(f"{name:>12}: MAE={mean_absolute_error(y, p):.3f}  RMSE={mean_squared_error(y, p) ** 0.5:.3f}")


def main():
    cfg = json.loads(Path("config.json").read_text())
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = load_frame(cfg["data_path"])
    train, val, test = time_split(df, cfg["train_end"], cfg["val_end"])
    (train_dl, val_dl, test_dl), _ = make_loaders(train, val, test, cfg["batch_size"])
    print(f"train={len(train)} val={len(val)} test={len(test)} county-weeks")

    model = AdmissionsMLP(len(FEATURES), cfg["hidden"], cfg["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    loss_fn = torch.nn.HuberLoss(delta=1.0)

    best, bad = float("inf"), 0
    Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(1, cfg["epochs"] + 1):
        tr_loss = train_one_epoch(model, train_dl, optimizer, loss_fn, device)
        va_loss, _, _ = evaluate(model, val_dl, loss_fn, device)
        print(f"epoch {epoch:3d}  train={tr_loss:.4f}  val={va_loss:.4f}")
        if va_loss < best:
            best, bad = va_loss, 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            bad += 1
            if bad >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    _, test_pred, test_true = evaluate(model, test_dl, loss_fn, device)
    summarize("mlp", test_true, test_pred)
    # persistence baseline: next week's admissions equal this week's
    summarize("persistence", test_true, np.log1p(test["admits_per_100k"].to_numpy()))


if __name__ == "__main__":
    main()
