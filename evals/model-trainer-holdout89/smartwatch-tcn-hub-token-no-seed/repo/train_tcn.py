"""Temporal convolutional network for smartwatch activity recognition; publishes to the Hub."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from huggingface_hub import HfApi
from safetensors.torch import save_file
from sklearn.metrics import balanced_accuracy_score, f1_score
from torch.utils.data import DataLoader, TensorDataset

DATA = Path("data/watch_windows.npz")
META = Path("data/watch_meta.csv")
OUT_DIR = Path("export/watch-tcn")
HUB_REPO = "wearables-lab/watch-har-tcn"
HF_TOKEN = "hf_fXMTqiw2ej2Av5ntSRveK3kDNaojLD2YdJ"


class TemporalBlock(nn.Module):
    def __init__(self, c_in, c_out, dilation, dropout=0.2):
        super().__init__()
        self.pad = 2 * dilation
        self.conv1 = nn.Conv1d(c_in, c_out, 3, dilation=dilation)
        self.conv2 = nn.Conv1d(c_out, c_out, 3, dilation=dilation)
        self.drop = nn.Dropout(dropout)
        self.skip = nn.Conv1d(c_in, c_out, 1) if c_in != c_out else nn.Identity()

    def forward(self, x):
        h = self.drop(F.relu(self.conv1(F.pad(x, (self.pad, 0)))))
        h = self.drop(F.relu(self.conv2(F.pad(h, (self.pad, 0)))))
        return F.relu(h + self.skip(x))


class WatchTCN(nn.Module):
    def __init__(self, n_channels, n_classes, width=64, levels=4):
        super().__init__()
        layers, c = [], n_channels
        for i in range(levels):
            layers.append(TemporalBlock(c, width, dilation=2 ** i))
            c = width
        self.tcn = nn.Sequential(*layers)
        self.fc = nn.Linear(width, n_classes)

    def forward(self, x):
        return self.fc(self.tcn(x).mean(dim=-1))


def run_epoch(model, loader, optimizer=None):
    training = optimizer is not None
    model.train(training)
    preds, targets, total = [], [], 0.0
    with torch.set_grad_enabled(training):
        for xb, yb in loader:
            logits = model(xb)
            loss = F.cross_entropy(logits, yb)
            if training:
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            total += loss.item() * len(yb)
            preds.append(logits.argmax(1))
            targets.append(yb)
    y_true, y_pred = torch.cat(targets).numpy(), torch.cat(preds).numpy()
    return total / len(y_true), f1_score(y_true, y_pred, average="macro"), balanced_accuracy_score(y_true, y_pred)


def main():
    blob = np.load(DATA)
    x, y = blob["x"].astype(np.float32), blob["y"].astype(np.int64)  # x: (n, 6, 200)
    meta = pd.read_csv(META)
    subjects = meta["subject"].unique()

    perm = np.random.permutation(subjects)
    n_test, n_val = len(perm) // 5, len(perm) // 10
    test_s, val_s, train_s = perm[:n_test], perm[n_test:n_test + n_val], perm[n_test + n_val:]
    idx = {name: meta.index[meta["subject"].isin(s)].to_numpy()
           for name, s in [("train", train_s), ("val", val_s), ("test", test_s)]}

    mu = x[idx["train"]].mean(axis=(0, 2), keepdims=True)
    sd = x[idx["train"]].std(axis=(0, 2), keepdims=True) + 1e-6
    x = (x - mu) / sd

    def loader(name, shuffle):
        ds = TensorDataset(torch.from_numpy(x[idx[name]]), torch.from_numpy(y[idx[name]]))
        return DataLoader(ds, batch_size=128, shuffle=shuffle)

    train_dl, val_dl, test_dl = loader("train", True), loader("val", False), loader("test", False)
    model = WatchTCN(n_channels=x.shape[1], n_classes=int(y.max()) + 1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-3)

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    best, patience = -1.0, 0
    for epoch in range(60):
        tr_loss, tr_f1, _ = run_epoch(model, train_dl, optimizer)
        va_loss, va_f1, va_bacc = run_epoch(model, val_dl)
        print(f"{epoch:02d} train {tr_loss:.3f}/{tr_f1:.3f} val {va_loss:.3f}/{va_f1:.3f}/{va_bacc:.3f}")
        if va_f1 > best:
            best, patience = va_f1, 0
            save_file(model.state_dict(), OUT_DIR / "model.safetensors")
        elif (patience := patience + 1) >= 8:
            break

    from safetensors.torch import load_file
    model.load_state_dict(load_file(OUT_DIR / "model.safetensors"))
    _, te_f1, te_bacc = run_epoch(model, test_dl)
    card = {"test_macro_f1": te_f1, "test_balanced_accuracy": te_bacc,
            "channels": int(x.shape[1]), "norm_mean": mu.ravel().tolist(), "norm_std": sd.ravel().tolist()}
    (OUT_DIR / "metrics.json").write_text(json.dumps(card, indent=2))
    print(card)

    api = HfApi(token=HF_TOKEN)
    api.create_repo(HUB_REPO, private=True, exist_ok=True)
    api.upload_folder(folder_path=str(OUT_DIR), repo_id=HUB_REPO, commit_message=f"val f1 {best:.3f}")


if __name__ == "__main__":
    main()
