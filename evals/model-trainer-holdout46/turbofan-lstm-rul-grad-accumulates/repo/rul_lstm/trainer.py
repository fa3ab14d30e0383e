import math

import torch
from torch import nn
from torch.utils.data import DataLoader


def evaluate(model: nn.Module, loader: DataLoader, device: str) -> float:
    model.eval()
    se, n = 0.0, 0
    with torch.no_grad():
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            se += torch.sum((model(xb) - yb) ** 2).item()
            n += len(yb)
    return math.sqrt(se / n)


def fit(model, train_loader, val_loader, cfg, device="cpu"):
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=4)
    loss_fn = nn.MSELoss()
    best_rmse, stale = float("inf"), 0

    for epoch in range(cfg["max_epochs"]):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
            optimizer.step()
            running += loss.item() * len(yb)

        val_rmse = evaluate(model, val_loader, device)
        scheduler.step(val_rmse)
        print(f"epoch {epoch:3d} train_mse={running / len(train_loader.dataset):.2f} val_rmse={val_rmse:.2f}")
        if val_rmse < best_rmse:
            best_rmse, stale = val_rmse, 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    return model, best_rmse
