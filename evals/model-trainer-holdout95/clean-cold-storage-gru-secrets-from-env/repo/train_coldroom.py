"""Cold-room air temperature forecast (next 2 h, 5-min steps) from IoT probes and door sensors.

Logs to W&B and publishes the best checkpoint to the team's private Hugging Face repo.
"""
import os
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import wandb
from dotenv import load_dotenv
from huggingface_hub import HfApi
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

load_dotenv()
CFG = dict(lookback=144, horizon=24, hidden=64, dropout=0.2, lr=1e-3, batch_size=128, epochs=60, patience=6, seed=12)
SIGNALS = ["air_temp_c", "evap_temp_c", "door_open_frac", "compressor_on", "ambient_c"]


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class ColdRoomGRU(nn.Module):
    def __init__(self, n_in, hidden, horizon, dropout):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, num_layers=2, batch_first=True, dropout=dropout)
        self.head = nn.Linear(hidden, horizon)

    def forward(self, x):
        _, h = self.gru(x)
        return self.head(h[-1])


def to_windows(arr, L, H):
    n = len(arr) - L - H + 1
    X = np.stack([arr[i:i + L] for i in range(n)]).astype(np.float32)
    y = np.stack([arr[i + L:i + L + H, 0] for i in range(n)]).astype(np.float32)
    return torch.from_numpy(X), torch.from_numpy(y)


@torch.no_grad()
def evaluate(model, loader):
    model.eval()
    preds, trues = [], []
    for xb, yb in loader:
        preds.append(model(xb))
        trues.append(yb)
    return torch.cat(preds).numpy(), torch.cat(trues).numpy()


def main():
    set_seed(CFG["seed"])
    wandb.login(key=os.environ["WANDB_API_KEY"])
    run = wandb.init(project="coldroom-forecast", config=CFG)

    df = pd.read_csv("data/coldroom_b2_5min.csv", parse_dates=["ts"], index_col="ts")[SIGNALS]
    df = df.asfreq("5min").interpolate(limit=6).dropna()
    n = len(df)
    i_val, i_test = int(n * 0.7), int(n * 0.85)
    mean, std = df.iloc[:i_val].mean(), df.iloc[:i_val].std()
    arr = ((df - mean) / std).to_numpy()

    L, H = CFG["lookback"], CFG["horizon"]
    train_ds = TensorDataset(*to_windows(arr[:i_val], L, H))
    val_ds = TensorDataset(*to_windows(arr[i_val - L:i_test], L, H))
    test_ds = TensorDataset(*to_windows(arr[i_test - L:], L, H))
    train_dl = DataLoader(train_ds, batch_size=CFG["batch_size"], shuffle=True)
    val_dl, test_dl = DataLoader(val_ds, batch_size=1024), DataLoader(test_ds, batch_size=1024)

    model = ColdRoomGRU(len(SIGNALS), CFG["hidden"], H, CFG["dropout"])
    opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"])
    loss_fn = nn.MSELoss()
    ckpt = Path("runs/coldroom_gru.pt")
    ckpt.parent.mkdir(exist_ok=True)

    best, wait = np.inf, 0
    for epoch in range(CFG["epochs"]):
        model.train()
        for xb, yb in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        p, t = evaluate(model, val_dl)
        val_mse = float(((p - t) ** 2).mean())
        run.log({"epoch": epoch, "val_mse": val_mse, "train_loss_last": loss.item()})
        if val_mse < best:
            best, wait = val_mse, 0
            torch.save(model.state_dict(), ckpt)
        else:
            wait += 1
            if wait >= CFG["patience"]:
                break

    model.load_state_dict(torch.load(ckpt))
    p, t = evaluate(model, test_dl)
    sd, mu = std["air_temp_c"], mean["air_temp_c"]
    p_c, t_c = p * sd + mu, t * sd + mu
    last_c = test_ds.tensors[0][:, -1:, 0].numpy().repeat(H, axis=1) * sd + mu
    summary = {}
    for name, pred in [("gru", p_c), ("persistence", last_c)]:
        summary[f"test/{name}_mae"] = float(np.abs(pred - t_c).mean())
        summary[f"test/{name}_rmse"] = float(np.sqrt(((pred - t_c) ** 2).mean()))
        summary[f"test/{name}_max_abs_err"] = float(np.abs(pred - t_c).max())
    run.summary.update(summary)
    print(summary)

    token = os.getenv("HF_TOKEN")
    if token:
        api = HfApi(token=token)
        api.upload_file(path_or_fileobj=str(ckpt), path_in_repo="coldroom_gru.pt",
                        repo_id=os.environ["HF_REPO_ID"], repo_type="model")
    run.finish()


if __name__ == "__main__":
    main()
