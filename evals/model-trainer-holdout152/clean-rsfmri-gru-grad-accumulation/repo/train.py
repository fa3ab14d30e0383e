import json
import random

import numpy as np
import torch
from sklearn.metrics import roc_auc_score
from torch.utils.data import DataLoader

from data import ICATimeseries, load_split
from model import GRUClassifier

cfg = json.load(open("config.json"))
random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

splits = load_split(cfg["split_file"])
ds = {k: ICATimeseries(cfg["timeseries_dir"], *splits[k], cfg["crop_len"], random_crop=(k == "train"))
      for k in ("train", "val", "test")}
dl = {k: DataLoader(d, batch_size=cfg["batch_size"], shuffle=(k == "train"), num_workers=0,
                    drop_last=(k == "train"))
      for k, d in ds.items()}

model = GRUClassifier(hidden=cfg["hidden"], n_layers=cfg["n_layers"], dropout=cfg["dropout"]).to(device)
opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
crit = torch.nn.BCEWithLogitsLoss()
accum = cfg["accum_steps"]


def predict(loader):
    model.train(False)
    probs, ys = [], []
    with torch.inference_mode():
        for x, y in loader:
            probs.append(torch.sigmoid(model(x.to(device))).cpu())
            ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(probs).numpy()


best_auc, bad = 0.0, 0
for epoch in range(cfg["epochs"]):
    model.train()
    opt.zero_grad()
    for step, (x, y) in enumerate(dl["train"]):
        loss = crit(model(x.to(device)), y.to(device)) / accum
        loss.backward()
        if (step + 1) % accum == 0 or step + 1 == len(dl["train"]):
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            opt.zero_grad()
    val_auc = roc_auc_score(*predict(dl["val"]))
    print(f"epoch {epoch:02d} val AUC {val_auc:.4f}")
    if val_auc > best_auc:
        best_auc, bad = val_auc, 0
        torch.save(model.state_dict(), cfg["ckpt"])
    else:
        bad += 1
        if bad >= cfg["patience"]:
            break

model.load_state_dict(torch.load(cfg["ckpt"], map_location=device))
y_test, p_test = predict(dl["test"])
print(f"best val AUC {best_auc:.4f} | test AUC {roc_auc_score(y_test, p_test):.4f} (n={len(y_test)})")
