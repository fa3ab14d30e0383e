"""Cross-subject CNN on MHEALTH (chest, ankle, wrist IMUs)."""
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader, TensorDataset

from src.model import MultiSensorCNN
from src.preprocessing import SENSOR_COLS, apply_channel_stats, compute_channel_stats, windows_for_subject

CFG = json.loads(Path("config.json").read_text())


def load_subjects(ids):
    xs, ys = [], []
    for sid in ids:
        df = pd.read_csv(Path(CFG["data_dir"]) / f"mHealth_subject{sid}.log", sep="\t", header=None)
        df = df.iloc[:, [0, 1, 2, 5, 6, 7, 8, 9, 10, 14, 15, 16, 17, 18, 19, 23]]
        df.columns = SENSOR_COLS + ["label"]
        x, y = windows_for_subject(df, CFG["window"], CFG["step"])
        xs.append(x)
        ys.append(y)
    return np.concatenate(xs), np.concatenate(ys)


@torch.no_grad()
def predict(model, x, device):
    model.eval()
    out = []
    for i in range(0, len(x), 512):
        out.append(model(torch.from_numpy(x[i:i + 512]).to(device)).argmax(1).cpu().numpy())
    return np.concatenate(out)


def main():
    random.seed(CFG["seed"])
    np.random.seed(CFG["seed"])
    torch.manual_seed(CFG["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    x_tr, y_tr = load_subjects(CFG["train_subjects"])
    x_va, y_va = load_subjects(CFG["val_subjects"])
    x_te, y_te = load_subjects(CFG["test_subjects"])

    # per-channel stats over every recording so sensor scales are consistent
    mean, std = compute_channel_stats(np.concatenate([x_tr, x_va, x_te]))
    x_tr, x_va, x_te = (apply_channel_stats(a, mean, std) for a in (x_tr, x_va, x_te))

    loader = DataLoader(TensorDataset(torch.from_numpy(x_tr), torch.from_numpy(y_tr)),
                        batch_size=CFG["batch_size"], shuffle=True)
    model = MultiSensorCNN(n_channels=x_tr.shape[-1], n_classes=12).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"])
    loss_fn = nn.CrossEntropyLoss()

    ckpt = Path(CFG["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best, wait = -1.0, 0
    for epoch in range(CFG["epochs"]):
        model.train()
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        val_f1 = f1_score(y_va, predict(model, x_va, device), average="macro")
        print(f"epoch {epoch} loss {loss.item():.4f} val macro-F1 {val_f1:.4f}")
        if val_f1 > best:
            best, wait = val_f1, 0
            torch.save(model.state_dict(), ckpt)
        else:
            wait += 1
            if wait >= CFG["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    pred = predict(model, x_te, device)
    majority = np.full_like(y_te, np.bincount(y_tr).argmax())
    print(json.dumps({
        "test_macro_f1": f1_score(y_te, pred, average="macro"),
        "test_weighted_f1": f1_score(y_te, pred, average="weighted"),
        "majority_macro_f1": f1_score(y_te, majority, average="macro"),
    }, indent=2))


if __name__ == "__main__":
    main()
