import numpy as np
import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader

from data import WindowDataset, load_panel
from utils import EarlyStopper, seed_everything


class TCN(nn.Module):
    def __init__(self, channels, kernel_size, dilations, dropout, horizon):
        super().__init__()
        layers, c_in = [], 2
        for d in dilations:
            layers += [nn.Conv1d(c_in, channels, kernel_size, dilation=d, padding=d * (kernel_size - 1) // 2),
                       nn.BatchNorm1d(channels), nn.GELU(), nn.Dropout(dropout)]
            c_in = channels
        self.body = nn.Sequential(*layers)
        self.head = nn.Linear(channels + horizon, horizon)

    def forward(self, x, fut_promo):
        h = self.body(x).mean(dim=-1)
        return self.head(torch.cat([h, fut_promo], dim=1))


def run_eval(model, loader, device):
    model.eval()
    abs_err, abs_y = 0.0, 0.0
    with torch.no_grad():
        for x, fp, y in loader:
            pred = model(x.to(device), fp.to(device)).cpu()
            abs_err += (pred - y).abs().sum().item()
            abs_y += y.abs().sum().item()
    return abs_err / abs_y


def main():
    cfg = yaml.safe_load(open("cfg.yaml"))
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    d, tc = cfg["data"], cfg["train"]

    panel, promo = load_panel(d["path"])
    T = len(panel)
    test_start = T - d["test_days"]
    valid_start = test_start - d["valid_days"]

    # per-store scale from the training days only
    scale = panel.iloc[:valid_start].replace(0, np.nan).mean().fillna(1.0).values
    sales = panel.values / scale
    pr = promo.values

    L, H = d["lookback"], d["horizon"]
    tr_t = range(L, valid_start - H + 1)
    va_t = range(valid_start, test_start - H + 1, H)
    te_t = range(test_start, T - H + 1, H)
    train_dl = DataLoader(WindowDataset(sales, pr, tr_t, L, H), batch_size=tc["batch_size"], shuffle=True)
    valid_dl = DataLoader(WindowDataset(sales, pr, va_t, L, H), batch_size=2048)
    test_dl = DataLoader(WindowDataset(sales, pr, te_t, L, H), batch_size=2048)

    model = TCN(**cfg["model"], horizon=H).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    loss_fn = nn.L1Loss()
    stopper = EarlyStopper(tc["patience"])

    for epoch in range(tc["epochs"]):
        model.train()
        for x, fp, y in train_dl:
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x.to(device), fp.to(device)), y.to(device))
            loss.backward()
            opt.step()
        val_wape = run_eval(model, valid_dl, device)
        print(f"epoch {epoch:02d}  val WAPE {val_wape:.4f}")
        if stopper.step(val_wape, model):
            break

    model.load_state_dict(stopper.state)
    print(f"test WAPE (scaled units): {run_eval(model, test_dl, device):.4f}")
    torch.save({"state_dict": model.state_dict(), "scale": scale}, "tcn_rossmann.pt")


if __name__ == "__main__":
    main()
