import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from model import ReturnMLP
from utils import evaluate, seed_everything

cfg = yaml.safe_load(open("config.yaml"))
gen = seed_everything(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
num, cat = cfg["data"]["numeric"], cfg["data"]["categorical"]

tr, va, te = (pd.read_parquet(cfg["data"][s]) for s in ("train", "valid", "test"))
scaler = StandardScaler().fit(tr[num])
vocab = {c: {v: i + 1 for i, v in enumerate(tr[c].astype(str).unique())} for c in cat}


def tensors(df):
    xn = torch.tensor(scaler.transform(df[num]), dtype=torch.float32)
    xc = torch.tensor(np.stack([df[c].astype(str).map(vocab[c]).fillna(0).astype(int) for c in cat], 1))
    return TensorDataset(xn, xc, torch.tensor(df["is_returned"].values, dtype=torch.float32))


bs = cfg["train"]["batch_size"]
train_dl = DataLoader(tensors(tr), batch_size=bs, shuffle=True, generator=gen)
valid_dl = DataLoader(tensors(va), batch_size=4 * bs)
test_dl = DataLoader(tensors(te), batch_size=4 * bs)

model = ReturnMLP(len(num), [len(vocab[c]) for c in cat], **cfg["model"]).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"], weight_decay=cfg["train"]["weight_decay"])
criterion = nn.BCEWithLogitsLoss()

best, wait = -np.inf, 0
for epoch in range(cfg["train"]["epochs"]):
    model.train()
    for xn, xc, y in train_dl:
        opt.zero_grad(set_to_none=True)
        loss = criterion(model(xn.to(device), xc.to(device)), y.to(device))
        loss.backward()
        opt.step()
    val = evaluate(model, valid_dl, device)
    print(f"epoch {epoch + 1:02d}  val_auc={val['auc']:.4f}  val_ap={val['ap']:.4f}")
    if val["ap"] > best:
        best, wait = val["ap"], 0
        torch.save(model.state_dict(), cfg["checkpoint"])
    else:
        wait += 1
        if wait >= cfg["train"]["patience"]:
            break

model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
test = evaluate(model, test_dl, device)
print(f"TEST auc={test['auc']:.4f} ap={test['ap']:.4f}")
