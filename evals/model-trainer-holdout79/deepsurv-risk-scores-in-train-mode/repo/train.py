"""DeepSurv for in-hospital mortality after sepsis ICU admission (one model per run)."""
import random

import numpy as np
import pandas as pd
import tomli
import torch
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler
from sksurv.linear_model import CoxPHSurvivalAnalysis
from sksurv.util import Surv
from torch.utils.data import DataLoader, TensorDataset

from survtrain.engine import c_index, predict_risk, train_one_epoch
from survtrain.models import RiskMLP

with open("config.toml", "rb") as fh:
    cfg = tomli.load(fh)
dc, tc = cfg["data"], cfg["train"]

random.seed(tc["seed"])
np.random.seed(tc["seed"])
torch.manual_seed(tc["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = pd.read_parquet(dc["path"])
features = [c for c in df.columns if c not in (dc["id_col"], dc["group_col"], dc["time_col"], dc["event_col"])]

outer = GroupShuffleSplit(n_splits=1, test_size=dc["test_frac"], random_state=tc["seed"])
dev_idx, test_idx = next(outer.split(df, groups=df[dc["group_col"]]))
dev, test = df.iloc[dev_idx], df.iloc[test_idx]
inner = GroupShuffleSplit(n_splits=1, test_size=dc["val_frac"], random_state=tc["seed"])
tr_idx, va_idx = next(inner.split(dev, groups=dev[dc["group_col"]]))
train, val = dev.iloc[tr_idx], dev.iloc[va_idx]

prep = make_pipeline(SimpleImputer(strategy="median"), StandardScaler()).fit(train[features])
X = {k: prep.transform(d[features]).astype("float32") for k, d in [("train", train), ("val", val), ("test", test)]}
T = {k: d[dc["time_col"]].to_numpy("float32") for k, d in [("train", train), ("val", val), ("test", test)]}
E = {k: d[dc["event_col"]].to_numpy("float32") for k, d in [("train", train), ("val", val), ("test", test)]}

loader = DataLoader(TensorDataset(*(torch.from_numpy(a["train"]) for a in (X, T, E))),
                    batch_size=tc["batch_size"], shuffle=True, drop_last=True)
model = RiskMLP(len(features), tuple(cfg["model"]["hidden"]), cfg["model"]["dropout"]).to(device)
opt = torch.optim.Adam(model.parameters(), lr=tc["lr"], weight_decay=1e-5)

best_c, wait = -1.0, 0
for epoch in range(tc["epochs"]):
    tr_loss = train_one_epoch(model, loader, opt, device)
    val_c = c_index(E["val"], T["val"], predict_risk(model, X["val"], device))
    print(f"epoch {epoch:3d}  loss {tr_loss:.4f}  val C {val_c:.4f}")
    if val_c > best_c:
        best_c, wait = val_c, 0
        torch.save(model.state_dict(), tc["ckpt"])
    else:
        wait += 1
        if wait >= tc["patience"]:
            break

model.load_state_dict(torch.load(tc["ckpt"], map_location=device))
test_c = c_index(E["test"], T["test"], predict_risk(model, X["test"], device))

cox = CoxPHSurvivalAnalysis(alpha=0.1).fit(X["train"], Surv.from_arrays(E["train"].astype(bool), T["train"]))
cox_c = c_index(E["test"], T["test"], cox.predict(X["test"]))
print(f"test C-index  DeepSurv {test_c:.4f}  | linear Cox {cox_c:.4f}")
