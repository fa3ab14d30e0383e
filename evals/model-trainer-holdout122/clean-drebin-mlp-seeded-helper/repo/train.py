import copy

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from model import DrebinMLP
from utils import EarlyStopper, set_seed

cfg = yaml.safe_load(open("config.yaml"))
tc = cfg["train"]
gen = set_seed(tc["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = pd.read_csv(cfg["data"]["csv"], na_values=["?"]).fillna(0)
y = (df[cfg["data"]["label_col"]] == "S").astype(np.float32).values
X = df.drop(columns=[cfg["data"]["label_col"]]).astype(np.float32).values  # binary permission/API flags

X_tmp, X_te, y_tmp, y_te = train_test_split(X, y, test_size=cfg["data"]["test_size"], stratify=y,
                                            random_state=tc["seed"])
X_tr, X_va, y_tr, y_va = train_test_split(X_tmp, y_tmp, test_size=cfg["data"]["val_size"],
                                          stratify=y_tmp, random_state=tc["seed"])


def loader(X, y, shuffle):
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
    return DataLoader(ds, batch_size=tc["batch_size"], shuffle=shuffle, generator=gen if shuffle else None)


train_dl, val_dl, test_dl = loader(X_tr, y_tr, True), loader(X_va, y_va, False), loader(X_te, y_te, False)

model = DrebinMLP(X.shape[1], cfg["model"]["hidden"], cfg["model"]["dropout"]).to(device)
opt = torch.optim.Adam(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
pos_weight = torch.tensor([(y_tr == 0).sum() / (y_tr == 1).sum()], device=device)
crit = nn.BCEWithLogitsLoss(pos_weight=pos_weight)


@torch.inference_mode()
def scores_for(dl):
    model.eval()
    out, ys = [], []
    for xb, yb in dl:
        out.append(torch.sigmoid(model(xb.to(device))).cpu().numpy())
        ys.append(yb.numpy())
    return np.concatenate(out), np.concatenate(ys)


stopper, best_state = EarlyStopper(tc["patience"]), None
for epoch in range(tc["epochs"]):
    model.train()
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad(set_to_none=True)
        loss = crit(model(xb), yb)
        loss.backward()
        opt.step()
    s, t = scores_for(val_dl)
    val_auc = roc_auc_score(t, s)
    if stopper.step(val_auc):
        best_state = copy.deepcopy(model.state_dict())
    print(f"epoch {epoch:02d} loss {loss.item():.4f} val_auc {val_auc:.4f}")
    if stopper.should_stop:
        break

model.load_state_dict(best_state)
s, t = scores_for(test_dl)
print(f"TEST  AUC {roc_auc_score(t, s):.4f}  F1 {f1_score(t, (s > 0.5).astype(int)):.4f}")
torch.save(model.state_dict(), "drebin_mlp.pt")
