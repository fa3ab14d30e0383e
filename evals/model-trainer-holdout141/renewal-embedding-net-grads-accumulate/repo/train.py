import json
import random

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import log_loss, roc_auc_score
from torch.utils.data import DataLoader

from dataset import RenewalDataset, fit_encoders, prepare
from model import RenewalNet

cfg = json.load(open("config.json"))
random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])

df = prepare(pd.read_parquet(cfg["data_path"]), cfg["categorical"])
df["offer_date"] = pd.to_datetime(df["offer_date"])
train = df[df["offer_date"] < cfg["train_until"]]
valid = df[(df["offer_date"] >= cfg["train_until"]) & (df["offer_date"] < cfg["valid_until"])]
test = df[df["offer_date"] >= cfg["valid_until"]]

cat_maps, num_stats = fit_encoders(train, cfg["categorical"], cfg["numeric"])
make = lambda d: RenewalDataset(d, cfg["categorical"], cfg["numeric"], cat_maps, num_stats)
train_dl = DataLoader(make(train), batch_size=cfg["batch_size"], shuffle=True)
valid_dl = DataLoader(make(valid), batch_size=4096)
test_dl = DataLoader(make(test), batch_size=4096)

model = RenewalNet([len(cat_maps[c]) for c in cfg["categorical"]], len(cfg["numeric"]),
                   cfg["emb_dim"], cfg["hidden"], cfg["dropout"])
opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
loss_fn = torch.nn.BCEWithLogitsLoss()


@torch.no_grad()
def score(loader):
    model.eval()
    p, y = [], []
    for xc, xn, yb in loader:
        p.append(torch.sigmoid(model(xc, xn)))
        y.append(yb)
    return torch.cat(y).numpy(), torch.cat(p).numpy()


best, best_state = np.inf, None
opt.zero_grad()
for epoch in range(cfg["epochs"]):
    model.train()
    running = 0.0
    for xc, xn, yb in train_dl:
        loss = loss_fn(model(xc, xn), yb)
        loss.backward()
        opt.step()
        running += loss.item() * len(yb)
    yv, pv = score(valid_dl)
    vloss = log_loss(yv, pv)
    print(f"epoch {epoch+1}: train {running / len(train_dl.dataset):.4f}  valid logloss {vloss:.4f}")
    if vloss < best:
        best, best_state = vloss, {k: v.clone() for k, v in model.state_dict().items()}

model.load_state_dict(best_state)
yt, pt = score(test_dl)
print(f"test logloss {log_loss(yt, pt):.4f}  test AUC {roc_auc_score(yt, pt):.4f}")
torch.save({"state_dict": best_state, "cat_maps": cat_maps, "config": cfg}, "renewal_net.pt")
