"""Train DeepSurv on the heart-failure registry and compare against a linear Cox model."""
import random

import numpy as np
import pandas as pd
import torch
import yaml
from lifelines import CoxPHFitter
from lifelines.utils import concordance_index
from sklearn.model_selection import train_test_split

from survnet.data import load_cohort, build_features, targets, NUMERIC_COLS, BINARY_COLS
from survnet.model import DeepSurv, cox_ph_loss

cfg = yaml.safe_load(open("config.yaml"))
seed = cfg["seed"]
random.seed(seed)
np.random.seed(seed)
torch.manual_seed(seed)

cohort = load_cohort(cfg["data"]["path"])
x_all, scaler = build_features(cohort)
t_all, e_all = targets(cohort)

idx = np.arange(len(cohort))
idx_trval, idx_test = train_test_split(
    idx, test_size=cfg["data"]["test_size"], stratify=e_all, random_state=seed
)
idx_train, idx_val = train_test_split(
    idx_trval, test_size=cfg["data"]["val_size"], stratify=e_all[idx_trval], random_state=seed
)

def to_tensors(ix):
    return (torch.from_numpy(x_all[ix]), torch.from_numpy(t_all[ix]), torch.from_numpy(e_all[ix]))

x_tr, t_tr, e_tr = to_tensors(idx_train)
x_va, t_va, e_va = to_tensors(idx_val)
x_te, t_te, e_te = to_tensors(idx_test)

model = DeepSurv(x_all.shape[1], tuple(cfg["model"]["hidden"]), cfg["model"]["dropout"])
opt = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"],
                        weight_decay=cfg["train"]["weight_decay"])
loader = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(x_tr, t_tr, e_tr),
    batch_size=cfg["train"]["batch_size"], shuffle=True, drop_last=True,
)

best_val, bad_epochs = float("inf"), 0
for epoch in range(cfg["train"]["max_epochs"]):
    model.train()
    for xb, tb, eb in loader:
        opt.zero_grad()
        loss = cox_ph_loss(model(xb), tb, eb)
        loss.backward()
        opt.step()

    model.eval()
    with torch.no_grad():
        val_loss = cox_ph_loss(model(x_va), t_va, e_va).item()
    if val_loss < best_val - 1e-4:
        best_val, bad_epochs = val_loss, 0
        torch.save(model.state_dict(), cfg["train"]["checkpoint"])
    else:
        bad_epochs += 1
        if bad_epochs >= cfg["train"]["patience"]:
            print(f"early stop at epoch {epoch}")
            break

model.load_state_dict(torch.load(cfg["train"]["checkpoint"]))
model.eval()
with torch.no_grad():
    risk_te = model(x_te).numpy()
c_deep = concordance_index(t_te.numpy(), -risk_te, e_te.numpy())

cols = NUMERIC_COLS + BINARY_COLS
df_tr = pd.DataFrame(x_all[idx_trval], columns=cols).assign(time=t_all[idx_trval], event=e_all[idx_trval])
df_te = pd.DataFrame(x_all[idx_test], columns=cols)
cph = CoxPHFitter(penalizer=0.01).fit(df_tr, duration_col="time", event_col="event")
c_cox = concordance_index(t_all[idx_test], -cph.predict_partial_hazard(df_te), e_all[idx_test])

print(f"test C-index  DeepSurv={c_deep:.3f}  CoxPH={c_cox:.3f}")
