import random

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

SEED = 9
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)

data = np.load("data/concrete_splits.npz")


def make_loader(split: str, shuffle: bool) -> DataLoader:
    ds = TensorDataset(torch.tensor(data[f"X_{split}"]).float(), torch.tensor(data[f"y_{split}"]).float())
    return DataLoader(ds, batch_size=32, shuffle=shuffle, generator=torch.Generator().manual_seed(SEED))


def train_one_epoch(model, loader, optimizer, loss_fn) -> float:
    model.train()
    total = 0.0
    for x, y in loader:
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x).squeeze(-1), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
    return total / len(loader.dataset)


@torch.no_grad()
def evaluate(model, loader) -> float:
    model.eval()
    errors = [(model(x).squeeze(-1) - y).abs() for x, y in loader]
    return torch.cat(errors).mean().item()


def main() -> None:
    train_dl, val_dl, test_dl = make_loader("train", True), make_loader("val", False), make_loader("test", False)
    model = nn.Sequential(nn.Linear(8, 64), nn.ReLU(), nn.Dropout(0.1), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
    loss_fn = nn.SmoothL1Loss()

    best, patience = float("inf"), 0
    for epoch in range(500):
        train_loss = train_one_epoch(model, train_dl, optimizer, loss_fn)
        val_mae = evaluate(model, val_dl)
        if val_mae < best - 1e-3:
            best, patience = val_mae, 0
            torch.save(model.state_dict(), "checkpoints/concrete_mlp.pt")
        else:
            patience += 1
        if epoch % 25 == 0:
            print(f"epoch {epoch} train {train_loss:.3f} val MAE {val_mae:.3f}")
        if patience >= 30:
            break

    model.load_state_dict(torch.load("checkpoints/concrete_mlp.pt"))
    baseline_mae = float(np.abs(data["y_test"] - data["y_train"].mean()).mean())
    print(f"test MAE {evaluate(model, test_dl):.3f} MPa (train-mean baseline {baseline_mae:.3f} MPa)")


if __name__ == "__main__":
    main()
