"""Feed-forward attrition model on the monthly HRIS feature mart.
Label: employee leaves (voluntary) in the 6 months after the snapshot."""
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.metrics import roc_auc_score, average_precision_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset

SEED = 1234
torch.manual_seed(SEED)
np.random.seed(SEED)

NUM = ["age", "tenure_months", "salary_band_pos", "compa_ratio", "bonus_pct_last",
       "perf_rating_last", "perf_rating_prev", "months_since_promo", "sick_days_12m",
       "overtime_hrs_12m", "team_attrition_12m", "engagement_pulse", "commute_minutes"]
CAT = ["business_unit", "job_grade", "contract_type", "work_pattern"]

df = pd.read_csv("mart/attrition_snapshot_2023_06.csv")
y = df["left_6m"].astype(np.float32).to_numpy()

X_tr, X_te, y_tr, y_te = train_test_split(df[NUM + CAT], y, test_size=0.2, stratify=y, random_state=SEED)
X_tr, X_va, y_tr, y_va = train_test_split(X_tr, y_tr, test_size=0.2, stratify=y_tr, random_state=SEED)

ct = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUM),
    ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CAT),
])
X_tr = ct.fit_transform(X_tr).astype(np.float32)
X_va = ct.transform(X_va).astype(np.float32)
X_te = ct.transform(X_te).astype(np.float32)


def loader(X, y, shuffle):
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y))
    return DataLoader(ds, batch_size=128, shuffle=shuffle)


train_dl = loader(X_tr, y_tr, True)
val_dl = loader(X_va, y_va, False)
test_dl = loader(X_te, y_te, False)

model = nn.Sequential(
    nn.Linear(X_tr.shape[1], 128), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(128, 64), nn.ReLU(), nn.Dropout(0.2),
    nn.Linear(64, 1),
)
pos_weight = torch.tensor([(1 - y_tr.mean()) / y_tr.mean()])
criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
optimizer = torch.optim.Adam(model.parameters(), lr=5e-4, weight_decay=1e-5)


@torch.no_grad()
def score(dl):
    model.eval()
    out, ys = [], []
    for xb, yb in dl:
        out.append(torch.sigmoid(model(xb).squeeze(1)))
        ys.append(yb)
    return torch.cat(ys).numpy(), torch.cat(out).numpy()


EPOCHS = 40
best_val, best_state, bad = 0.0, None, 0
optimizer.zero_grad()
for epoch in range(1, EPOCHS + 1):
    model.train()
    total = 0.0
    for xb, yb in train_dl:
        logits = model(xb).squeeze(1)
        loss = criterion(logits, yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)

    yv, pv = score(val_dl)
    auc = roc_auc_score(yv, pv)
    print(f"[{epoch:02d}] loss={total / len(train_dl.dataset):.4f} val_auc={auc:.4f}")
    if auc > best_val:
        best_val, bad = auc, 0
        best_state = {k: v.clone() for k, v in model.state_dict().items()}
    else:
        bad += 1
        if bad >= 6:
            print("early stop")
            break

model.load_state_dict(best_state)
yt, pt = score(test_dl)
print(f"TEST  auc={roc_auc_score(yt, pt):.4f}  ap={average_precision_score(yt, pt):.4f}")
torch.save(model.state_dict(), "attrition_mlp.pt")
