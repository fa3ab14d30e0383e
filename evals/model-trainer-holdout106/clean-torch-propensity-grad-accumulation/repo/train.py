"""Policy non-renewal propensity network for the broker retention programme."""
import tomli
import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OrdinalEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from propnet.engine import predict, train_one_epoch
from propnet.model import RenewalNet
from propnet.utils import set_seed

with open("train.toml", "rb") as fh:
    cfg = tomli.load(fh)
D, T = cfg["data"], cfg["train"]
gen = set_seed(T["seed"])

df = pd.read_parquet(D["path"])
train_df, test_df = train_test_split(df, test_size=0.2, stratify=df[D["target"]], random_state=T["seed"])
train_df, val_df = train_test_split(train_df, test_size=0.2, stratify=train_df[D["target"]], random_state=T["seed"])

enc = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(train_df[D["categorical"]])
scaler = StandardScaler().fit(train_df[D["numeric"]])


def tensors(part):
    cat = torch.as_tensor(enc.transform(part[D["categorical"]]) + 1, dtype=torch.long)
    num = torch.as_tensor(scaler.transform(part[D["numeric"]]), dtype=torch.float32)
    return cat, num, torch.as_tensor(part[D["target"]].to_numpy(), dtype=torch.float32)


train_dl = DataLoader(TensorDataset(*tensors(train_df)), batch_size=T["batch_size"], shuffle=True, generator=gen)
val_dl = DataLoader(TensorDataset(*tensors(val_df)), batch_size=1024)
test_dl = DataLoader(TensorDataset(*tensors(test_df)), batch_size=1024)

model = RenewalNet([len(c) for c in enc.categories_], len(D["numeric"]))
optimizer = torch.optim.Adam(model.parameters(), lr=T["lr"])
loss_fn = torch.nn.BCEWithLogitsLoss()

best_val, stale = np.inf, 0
for epoch in range(T["epochs"]):
    train_loss = train_one_epoch(model, train_dl, optimizer, loss_fn, T["accum_steps"])
    p_val, y_val = predict(model, val_dl)
    val_loss = brier_score_loss(y_val, p_val)
    print(f"epoch {epoch:02d} train {train_loss:.4f} val_brier {val_loss:.5f} val_ap {average_precision_score(y_val, p_val):.4f}")
    if val_loss < best_val:
        best_val, stale = val_loss, 0
        torch.save(model.state_dict(), T["checkpoint"])
    elif (stale := stale + 1) >= T["patience"]:
        break

model.load_state_dict(torch.load(T["checkpoint"]))
p_test, y_test = predict(model, test_dl)

lr = LogisticRegression(max_iter=3000).fit(scaler.transform(train_df[D["numeric"]]), train_df[D["target"]])
p_lr = lr.predict_proba(scaler.transform(test_df[D["numeric"]]))[:, 1]
for name, p in [("renewal_net", p_test), ("logreg", p_lr)]:
    print(f"{name:12s} ROC-AUC {roc_auc_score(y_test, p):.4f}  PR-AUC {average_precision_score(y_test, p):.4f}  "
          f"Brier {brier_score_loss(y_test, p):.5f}")
