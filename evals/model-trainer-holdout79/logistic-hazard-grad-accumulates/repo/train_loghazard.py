"""Discrete-time logistic-hazard network (Nnet-survival style) for time to readmission.

Durations are discretised on training-set quantiles with pycox's LabTransDiscreteTime.
"""
import argparse

import numpy as np
import pandas as pd
import torch
from torch import nn
from lifelines import CoxPHFitter
from pycox.evaluation import EvalSurv
from pycox.models.loss import nll_logistic_hazard
from pycox.preprocessing.label_transforms import LabTransDiscreteTime
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

p = argparse.ArgumentParser()
p.add_argument("--data", default="data/hf_discharges.csv")
p.add_argument("--bins", type=int, default=30)
p.add_argument("--epochs", type=int, default=100)
p.add_argument("--lr", type=float, default=1e-3)
p.add_argument("--seed", type=int, default=11)
args = p.parse_args()

np.random.seed(args.seed)
torch.manual_seed(args.seed)

df = pd.read_csv(args.data).drop_duplicates("patient_id")
feats = [c for c in df.columns if c not in ("patient_id", "days_to_readmit", "readmitted")]
trval, test = train_test_split(df, test_size=0.2, stratify=df["readmitted"], random_state=args.seed)
train, val = train_test_split(trval, test_size=0.2, stratify=trval["readmitted"], random_state=args.seed)

scaler = StandardScaler().fit(train[feats])
xs = {k: torch.tensor(scaler.transform(d[feats]), dtype=torch.float32)
      for k, d in (("train", train), ("val", val), ("test", test))}

labtrans = LabTransDiscreteTime(args.bins, scheme="quantiles")
idx_tr, ev_tr = labtrans.fit_transform(train["days_to_readmit"].values, train["readmitted"].values)
idx_va, ev_va = labtrans.transform(val["days_to_readmit"].values, val["readmitted"].values)
idx_tr, ev_tr = torch.as_tensor(idx_tr, dtype=torch.long), torch.as_tensor(ev_tr, dtype=torch.float32)
idx_va, ev_va = torch.as_tensor(idx_va, dtype=torch.long), torch.as_tensor(ev_va, dtype=torch.float32)

net = nn.Sequential(
    nn.Linear(len(feats), 64), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(64, 64), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(64, labtrans.out_features),
)
optimizer = torch.optim.Adam(net.parameters(), lr=args.lr)
ds = torch.utils.data.TensorDataset(xs["train"], idx_tr, ev_tr)
loader = torch.utils.data.DataLoader(ds, batch_size=128, shuffle=True)

best, patience, bad = np.inf, 10, 0
for epoch in range(args.epochs):
    net.train()
    optimizer.zero_grad()
    running = 0.0
    for xb, ib, eb in loader:
        loss = nll_logistic_hazard(net(xb), ib, eb)
        loss.backward()
        optimizer.step()
        running += loss.item()
    net.eval()
    with torch.no_grad():
        val_loss = nll_logistic_hazard(net(xs["val"]), idx_va, ev_va).item()
    print(f"epoch {epoch:3d} train {running / len(loader):.4f} val {val_loss:.4f}")
    if val_loss < best:
        best, bad = val_loss, 0
        torch.save(net.state_dict(), "loghazard_best.pt")
    else:
        bad += 1
        if bad >= patience:
            break


def survival_df(logits: torch.Tensor) -> pd.DataFrame:
    hazard = torch.sigmoid(logits)
    surv = torch.cumprod(1 - hazard, dim=1).numpy()
    return pd.DataFrame(surv.T, index=labtrans.cuts)


net.load_state_dict(torch.load("loghazard_best.pt"))
net.eval()
with torch.no_grad():
    surv_te = survival_df(net(xs["test"]))
t_te, e_te = test["days_to_readmit"].values, test["readmitted"].values
grid = np.linspace(t_te.min(), np.percentile(t_te, 95), 50)
ev = EvalSurv(surv_te, t_te, e_te, censor_surv="km")
print(f"LogHazard  C-td {ev.concordance_td('antolini'):.4f}  IBS {ev.integrated_brier_score(grid):.4f}")

cox_df = pd.DataFrame(scaler.transform(train[feats]), columns=feats)
cox_df["T"], cox_df["E"] = train["days_to_readmit"].values, train["readmitted"].values
cph = CoxPHFitter(penalizer=0.05).fit(cox_df, "T", "E")
ev_cox = EvalSurv(cph.predict_survival_function(pd.DataFrame(xs["test"].numpy(), columns=feats)), t_te, e_te, censor_surv="km")
print(f"CoxPH      C-td {ev_cox.concordance_td('antolini'):.4f}  IBS {ev_cox.integrated_brier_score(grid):.4f}")
