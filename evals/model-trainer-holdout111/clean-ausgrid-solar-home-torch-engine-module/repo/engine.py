import torch
import torch.nn as nn


class ConvLSTM(nn.Module):
    def __init__(self, n_in, conv_channels, hidden, horizon, dropout):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(n_in, conv_channels, kernel_size=5, padding=2), nn.BatchNorm1d(conv_channels), nn.GELU(),
        )
        self.lstm = nn.LSTM(conv_channels, hidden, batch_first=True)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden, horizon))

    def forward(self, x):
        h = self.conv(x.transpose(1, 2)).transpose(1, 2)
        out, _ = self.lstm(h)
        return self.head(out[:, -1])


def train_one_epoch(model, loader, optimizer, device):
    model.train()
    loss_fn = nn.SmoothL1Loss()
    total, n = 0.0, 0
    for x, y, _ in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        total += loss.item() * len(y)
        n += len(y)
    return total / n


def evaluate(model, loader, device, sd=None):
    """MAE in normalised units, and in kWh if per-customer std `sd` is given."""
    model.eval()
    err, err_kwh, n = 0.0, 0.0, 0
    with torch.inference_mode():
        for x, y, cust in loader:
            x, y = x.to(device), y.to(device)
            diff = (model(x) - y).abs()
            err += diff.sum().item()
            if sd is not None:
                err_kwh += (diff * sd[cust].to(device)[:, None]).sum().item()
            n += y.numel()
    return err / n, (err_kwh / n if sd is not None else None)
