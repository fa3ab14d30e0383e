"""Building energy-use regressor (kWh/day) with mixed precision and gradient clipping."""
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

SEED = 77
EPOCHS = 150
PATIENCE = 12
CLIP_NORM = 1.0
OUT = Path("runs/energy")


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def tensors(frame: pd.DataFrame, cols: list[str], scaler: StandardScaler) -> TensorDataset:
    feats = torch.tensor(scaler.transform(frame[cols]), dtype=torch.float32)
    target = torch.tensor(np.log1p(frame["kwh_day"].to_numpy()), dtype=torch.float32)
    return TensorDataset(feats, target)


def mean_abs_error(model: nn.Module, loader: DataLoader, device: torch.device) -> float:
    model.eval()
    errors = []
    with torch.no_grad():
        for feats, target in loader:
            pred = model(feats.to(device)).squeeze(1).float().cpu()
            errors.append((torch.expm1(pred) - torch.expm1(target)).abs())
    return torch.cat(errors).mean().item()


def main() -> None:
    set_seed(SEED)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    readings = pd.read_csv("data/building_days.csv")
    cols = [c for c in readings.columns if c not in ("building_id", "kwh_day")]

    # whole buildings go to one side, so no building is in both train and test
    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    dev_idx, test_idx = next(outer.split(readings, groups=readings["building_id"]))
    dev, test = readings.iloc[dev_idx], readings.iloc[test_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    fit_idx, val_idx = next(inner.split(dev, groups=dev["building_id"]))
    fit, val = dev.iloc[fit_idx], dev.iloc[val_idx]

    scaler = StandardScaler().fit(fit[cols])
    train_loader = DataLoader(tensors(fit, cols, scaler), batch_size=256, shuffle=True,
                              generator=torch.Generator().manual_seed(SEED))
    val_loader = DataLoader(tensors(val, cols, scaler), batch_size=1024)
    test_loader = DataLoader(tensors(test, cols, scaler), batch_size=1024)

    model = nn.Sequential(
        nn.Linear(len(cols), 256), nn.SiLU(), nn.Dropout(0.1),
        nn.Linear(256, 128), nn.SiLU(), nn.Linear(128, 1),
    ).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=3e-3, total_steps=EPOCHS * len(train_loader))
    scaler_amp = torch.amp.GradScaler("cuda", enabled=device.type == "cuda")
    loss_fn = nn.HuberLoss(delta=0.5)

    OUT.mkdir(parents=True, exist_ok=True)
    best_mae, stale = float("inf"), 0
    for epoch in range(EPOCHS):
        model.train()
        for feats, target in train_loader:
            optimizer.zero_grad(set_to_none=True)
            feats, target = feats.to(device), target.to(device)
            with torch.autocast(device_type=device.type, enabled=device.type == "cuda"):
                loss = loss_fn(model(feats).squeeze(1), target)
            scaler_amp.scale(loss).backward()
            scaler_amp.unscale_(optimizer)
            nn.utils.clip_grad_norm_(model.parameters(), CLIP_NORM)
            scaler_amp.step(optimizer)
            scaler_amp.update()
            schedule.step()
        val_mae = mean_abs_error(model, val_loader, device)
        print(f"epoch {epoch:3d}  val MAE {val_mae:.2f} kWh")
        if val_mae < best_mae:
            best_mae, stale = val_mae, 0
            torch.save(model.state_dict(), OUT / "best.pt")
        else:
            stale += 1
            if stale >= PATIENCE:
                break

    model.load_state_dict(torch.load(OUT / "best.pt", map_location=device, weights_only=True))
    median_kwh = fit["kwh_day"].median()
    report = {
        "val_mae_best": best_mae,
        "test_mae": mean_abs_error(model, test_loader, device),
        "test_mae_median_baseline": float((test["kwh_day"] - median_kwh).abs().mean()),
    }
    (OUT / "report.json").write_text(json.dumps(report, indent=2))
    print(report)


if __name__ == "__main__":
    main()
