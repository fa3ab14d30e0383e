import copy

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
import yaml
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from model import GRUDKT
from utils import set_seed, to_device

cfg = yaml.safe_load(open("config.yaml"))
set_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

# ---- data ---------------------------------------------------------------
log = pd.read_csv(cfg["data"]["csv"]).sort_values(["user_id", "log_id"])
log["correct"] = (log["correct"] >= 1).astype(int)  # a few rows carry partial credit
skill_index = {s: i for i, s in enumerate(sorted(log["sequence_id"].unique()))}
log["skill"] = log["sequence_id"].map(skill_index)
n_skills = len(skill_index)
L = cfg["data"]["max_len"]


def tensorize(user_ids):
    rows = []
    for _, g in log[log["user_id"].isin(user_ids)].groupby("user_id"):
        s, c = g["skill"].to_numpy()[-(L + 1):], g["correct"].to_numpy()[-(L + 1):]
        if len(s) < 3:
            continue
        n = len(s) - 1
        inter, nxt, lab = np.zeros(L, int), np.zeros(L, int), np.zeros(L, np.float32)
        inter[:n] = s[:-1] + n_skills * c[:-1] + 1
        nxt[:n], lab[:n] = s[1:], c[1:]
        rows.append((inter, n, nxt, lab))
    inter, n, nxt, lab = map(np.stack, zip(*rows))
    return TensorDataset(torch.tensor(inter), torch.tensor(n), torch.tensor(nxt), torch.tensor(lab))


users = log["user_id"].unique()
dev_users, test_users = train_test_split(users, test_size=cfg["data"]["test_frac"], random_state=cfg["seed"])
train_users, val_users = train_test_split(dev_users, test_size=cfg["data"]["val_frac"], random_state=cfg["seed"])
bs = cfg["optim"]["batch_size"]
train_dl = DataLoader(tensorize(train_users), batch_size=bs, shuffle=True)
val_dl = DataLoader(tensorize(val_users), batch_size=bs)
test_dl = DataLoader(tensorize(test_users), batch_size=bs)


# ---- model --------------------------------------------------------------
def masked_logits(model, batch):
    inter, n, nxt, lab = to_device(batch, device)
    logits = model(inter, n, nxt)
    mask = torch.arange(inter.size(1), device=device)[None, :] < n[:, None]
    return logits[mask], lab[mask]


@torch.no_grad()
def auc_on(model, dl):
    model.eval()
    ps, ys = [], []
    for batch in dl:
        logit, y = masked_logits(model, batch)
        ps.append(torch.sigmoid(logit).cpu().numpy())
        ys.append(y.cpu().numpy())
    return roc_auc_score(np.concatenate(ys), np.concatenate(ps))


model = GRUDKT(n_skills, **cfg["model"]).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=cfg["optim"]["lr"], weight_decay=cfg["optim"]["weight_decay"])

best_auc, best_state, bad = 0.0, None, 0
for epoch in range(cfg["optim"]["epochs"]):
    model.train()
    for batch in train_dl:
        logit, y = masked_logits(model, batch)
        loss = F.binary_cross_entropy_with_logits(logit, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    val_auc = auc_on(model, val_dl)
    print(f"epoch {epoch:02d} loss {loss.item():.4f} val_auc {val_auc:.4f}")
    if val_auc > best_auc:
        best_auc, best_state, bad = val_auc, copy.deepcopy(model.state_dict()), 0
    else:
        bad += 1
        if bad >= cfg["optim"]["patience"]:
            break

model.load_state_dict(best_state)
torch.save(best_state, cfg["ckpt"])
print(f"best val AUC {best_auc:.4f} | test AUC {auc_on(model, test_dl):.4f}")
