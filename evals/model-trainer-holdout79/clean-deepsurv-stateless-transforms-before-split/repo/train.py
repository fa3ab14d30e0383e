"""DeepSurv for 10-year cardiovascular events vs a linear Cox baseline."""
import random

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from sksurv.linear_model import CoxPHSurvivalAnalysis
from sksurv.metrics import concordance_index_censored, concordance_index_ipcw, cumulative_dynamic_auc
from sksurv.util import Surv

from cvdsurv.model import cox_loss, make_net, predict
from cvdsurv.transforms import FEATURES, clean_records

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])

raw = pd.read_parquet(cfg["data"]["path"]).drop_duplicates("person_id")
df = clean_records(raw, cfg["data"]["admin_censor_years"])

dev, test = train_test_split(df, test_size=cfg["data"]["test_size"], stratify=df["cvd_event"],
                             random_state=cfg["seed"])
train, val = train_test_split(dev, test_size=cfg["data"]["val_size"], stratify=dev["cvd_event"],
                              random_state=cfg["seed"])
scaler = StandardScaler().fit(train[FEATURES])


def tensors(d):
    return (torch.tensor(scaler.transform(d[FEATURES]), dtype=torch.float32),
            torch.tensor(d["years"].values, dtype=torch.float32),
            torch.tensor(d["cvd_event"].values, dtype=torch.float32))


(x_tr, t_tr, e_tr), (x_va, t_va, e_va), (x_te, t_te, e_te) = tensors(train), tensors(val), tensors(test)
net = make_net(len(FEATURES), cfg["model"]["hidden"], cfg["model"]["dropout"])
opt = torch.optim.Adam(net.parameters(), lr=cfg["optim"]["lr"], weight_decay=cfg["optim"]["weight_decay"])
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x_tr, t_tr, e_tr),
                                     batch_size=cfg["optim"]["batch_size"], shuffle=True, drop_last=True)

best, stale = np.inf, 0
for epoch in range(cfg["optim"]["max_epochs"]):
    net.train()
    for xb, tb, eb in loader:
        opt.zero_grad()
        cox_loss(net(xb), tb, eb).backward()
        opt.step()
    val_loss = cox_loss(predict(net, x_va), t_va, e_va).item()
    if val_loss < best:
        best, stale = val_loss, 0
        torch.save(net.state_dict(), cfg["ckpt_path"])
    else:
        stale += 1
        if stale >= cfg["optim"]["patience"]:
            break

net.load_state_dict(torch.load(cfg["ckpt_path"]))
y_dev = Surv.from_arrays(dev["cvd_event"].astype(bool), dev["years"])
y_te = Surv.from_arrays(test["cvd_event"].astype(bool), test["years"])
lin = CoxPHSurvivalAnalysis(alpha=0.1).fit(scaler.transform(train[FEATURES]),
                                           Surv.from_arrays(train["cvd_event"].astype(bool), train["years"]))
times = np.array([2.0, 5.0, 8.0])
for name, risk in [("DeepSurv", predict(net, x_te).numpy()), ("CoxPH", lin.predict(x_te.numpy()))]:
    harrell = concordance_index_censored(y_te["event"], y_te["time"], risk)[0]
    uno = concordance_index_ipcw(y_dev, y_te, risk, tau=9.0)[0]
    auc, _ = cumulative_dynamic_auc(y_dev, y_te, risk, times)
    print(f"{name:9s} Harrell {harrell:.4f}  Uno {uno:.4f}  AUC@2/5/8y {np.round(auc, 3)}")
