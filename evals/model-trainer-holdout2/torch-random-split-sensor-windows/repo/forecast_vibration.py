"""Forecast bearing vibration RMS two hours ahead with a small GRU (10-minute samples)."""
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset, random_split

SEED = 3
WINDOW = 96          # 16 hours of history
HORIZON = 12         # predict 2 hours ahead
FULL_SCALE_G = 50.0  # accelerometer range, fixed by the hardware

torch.manual_seed(SEED)
np.random.seed(SEED)


class WindowDataset(Dataset):
    def __init__(self, series: np.ndarray, window: int, horizon: int) -> None:
        self.series = torch.as_tensor(series, dtype=torch.float32)
        self.window = window
        self.horizon = horizon

    def __len__(self) -> int:
        return len(self.series) - self.window - self.horizon + 1

    def __getitem__(self, start: int):
        past = self.series[start : start + self.window]
        future = self.series[start + self.window + self.horizon - 1]
        return past.unsqueeze(-1), future


class Forecaster(nn.Module):
    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.gru = nn.GRU(1, hidden, num_layers=2, batch_first=True, dropout=0.2)
        self.head = nn.Linear(hidden, 1)

    def forward(self, past: torch.Tensor) -> torch.Tensor:
        states, _ = self.gru(past)
        return self.head(states[:, -1]).squeeze(-1)


def run_epoch(model, loader, loss_fn, optimizer=None) -> float:
    training = optimizer is not None
    model.train(training)
    total, count = 0.0, 0
    with torch.set_grad_enabled(training):
        for past, future in loader:
            if training:
                optimizer.zero_grad()
            loss = loss_fn(model(past), future)
            if training:
                loss.backward()
                optimizer.step()
            total += loss.item() * len(future)
            count += len(future)
    return total / count


def main() -> None:
    log = pd.read_csv("data/bearing3_rms.csv", parse_dates=["timestamp"]).sort_values("timestamp")
    series = log["rms_g"].to_numpy() / FULL_SCALE_G
    windows = WindowDataset(series, WINDOW, HORIZON)

    train_set, val_set, test_set = random_split(
        windows, [0.7, 0.15, 0.15], generator=torch.Generator().manual_seed(SEED)
    )
    train_loader = DataLoader(train_set, batch_size=128, shuffle=True, generator=torch.Generator().manual_seed(SEED))
    val_loader = DataLoader(val_set, batch_size=512)
    test_loader = DataLoader(test_set, batch_size=512)

    model = Forecaster()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    loss_fn = nn.MSELoss()
    best_val, stale = float("inf"), 0
    for epoch in range(200):
        train_loss = run_epoch(model, train_loader, loss_fn, optimizer)
        val_loss = run_epoch(model, val_loader, loss_fn)
        print(f"epoch {epoch:3d}  train {train_loss:.6f}  val {val_loss:.6f}")
        if val_loss < best_val:
            best_val, stale = val_loss, 0
            torch.save(model.state_dict(), "gru_best.pt")
        else:
            stale += 1
            if stale >= 10:
                break

    model.load_state_dict(torch.load("gru_best.pt", weights_only=True))
    test_mse = run_epoch(model, test_loader, loss_fn)
    persistence_mse = float(np.mean([(past[-1, 0] - future).item() ** 2 for past, future in test_set]))
    print(f"test MSE {test_mse:.6f}  (persistence baseline {persistence_mse:.6f})")


if __name__ == "__main__":
    main()
