import json

import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

from model import RequestSeqEncoder
from utils import EarlyStopper, set_seed

cfg = json.load(open("config.json"))
gen = set_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"


def load(split):
    d = np.load(f"{cfg['data_dir']}/{split}.npz")
    return TensorDataset(
        torch.from_numpy(d["types"][:, : cfg["max_len"]]).long(),
        torch.from_numpy(d["log_gaps"][:, : cfg["max_len"]]).float(),
        torch.from_numpy(d["mask"][:, : cfg["max_len"]]).float(),
        torch.from_numpy(d["is_bot"]).float(),
    )


@torch.no_grad()
def predict(model, loader):
    model.eval()
    out, ys = [], []
    for types, gaps, mask, y in loader:
        out.append(torch.sigmoid(model(types.to(device), gaps.to(device), mask.to(device))).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(out).numpy()


train_dl = DataLoader(load("train"), batch_size=cfg["batch_size"], shuffle=True, generator=gen)
val_dl = DataLoader(load("val"), batch_size=1024)
test_dl = DataLoader(load("test"), batch_size=1024)

model = RequestSeqEncoder(cfg["n_request_types"]).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
y_tr = train_dl.dataset.tensors[3]
pos_weight = (y_tr.numel() - y_tr.sum()) / y_tr.sum()
loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight.to(device))
stopper = EarlyStopper(cfg["patience"])

for epoch in range(cfg["epochs"]):
    model.train()
    for types, gaps, mask, y in train_dl:
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(types.to(device), gaps.to(device), mask.to(device)), y.to(device))
        loss.backward()
        opt.step()
    y_val, p_val = predict(model, val_dl)
    val_ap = average_precision_score(y_val, p_val)
    print(f"epoch {epoch:2d}  loss {loss.item():.4f}  val AP {val_ap:.4f}")
    if stopper.step(val_ap):
        torch.save(model.state_dict(), cfg["checkpoint"])
    if stopper.stop:
        break

model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
y_te, p_te = predict(model, test_dl)
print(f"TEST ROC AUC {roc_auc_score(y_te, p_te):.4f}  AP {average_precision_score(y_te, p_te):.4f}")
