from pathlib import Path

import yaml
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from data import Normalizer, load, split, to_windows
from utils import EarlyStopper, set_seed


class LSTMForecaster(nn.Module):
    def __init__(self, n_in, hidden, horizon, dropout):
        super().__init__()
        self.lstm = nn.LSTM(n_in, hidden, num_layers=2, batch_first=True, dropout=dropout)
        self.norm = nn.LayerNorm(hidden)
        self.fc = nn.Linear(hidden, horizon)

    def forward(self, x):
        h, _ = self.lstm(x)
        return self.fc(self.norm(h[:, -1]))


@torch.no_grad()
def evaluate(model, loader, sd, device):
    model.eval()
    err, n = 0.0, 0
    for xb, yb in loader:
        p = model(xb.to(device)).cpu()
        err += ((p - yb).abs() * sd).sum().item()
        n += yb.numel()
    return err / n


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    gen = set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = load(cfg)
    tr, va, te = split(df, cfg)
    norm = Normalizer().fit(tr)
    L, H = cfg["model"]["lookback"], cfg["model"]["horizon"]
    train_ds, val_ds, test_ds = (to_windows(norm(d), L, H) for d in (tr, va, te))

    train_dl = DataLoader(train_ds, batch_size=cfg["train"]["batch_size"], shuffle=True, generator=gen)
    val_dl = DataLoader(val_ds, batch_size=1024)
    test_dl = DataLoader(test_ds, batch_size=1024)

    model = LSTMForecaster(df.shape[1], cfg["model"]["hidden"], H, cfg["model"]["dropout"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"])
    loss_fn = nn.SmoothL1Loss()
    stopper = EarlyStopper(patience=cfg["train"]["patience"])
    sd = float(norm.sd["pm25"])
    Path(cfg["out"]).parent.mkdir(parents=True, exist_ok=True)

    for epoch in range(cfg["train"]["epochs"]):
        model.train()
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        val_mae = evaluate(model, val_dl, sd, device)
        print(f"epoch {epoch:03d}  val MAE(log1p pm25) {val_mae:.4f}")
        if stopper.step(val_mae):
            torch.save(model.state_dict(), cfg["out"])
        if stopper.stop:
            break

    model.load_state_dict(torch.load(cfg["out"], map_location=device))
    print(f"test MAE(log1p pm25) {evaluate(model, test_dl, sd, device):.4f}")


if __name__ == "__main__":
    main()
