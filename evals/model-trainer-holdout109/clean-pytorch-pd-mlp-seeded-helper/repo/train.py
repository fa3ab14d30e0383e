import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.impute import SimpleImputer
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import QuantileTransformer
from torch.utils.data import DataLoader, TensorDataset

from model import PDNet
from utils import get_device, set_seed

cfg = yaml.safe_load(open("config.yaml"))
set_seed(cfg["seed"])
device = get_device()

df = pd.read_parquet(cfg["data"]["path"])
df["DAYS_EMPLOYED"] = df["DAYS_EMPLOYED"].replace(365243, np.nan)
df["CREDIT_INCOME"] = df["AMT_CREDIT"] / df["AMT_INCOME_TOTAL"]
df["ANNUITY_INCOME"] = df["AMT_ANNUITY"] / df["AMT_INCOME_TOTAL"]
target, id_col = cfg["data"]["target"], cfg["data"]["id_col"]
feats = [c for c in df.select_dtypes("number").columns if c not in (target, id_col)]

trval, test = train_test_split(df, test_size=cfg["data"]["test_size"], stratify=df[target], random_state=cfg["seed"])
rel_val = cfg["data"]["val_size"] / (1 - cfg["data"]["test_size"])
train, val = train_test_split(trval, test_size=rel_val, stratify=trval[target], random_state=cfg["seed"])

prep = make_pipeline(SimpleImputer(strategy="median"),
                     QuantileTransformer(output_distribution="normal", random_state=cfg["seed"]))
prep.fit(train[feats])


def make_loader(part, shuffle):
    X = torch.tensor(prep.transform(part[feats]), dtype=torch.float32)
    y = torch.tensor(part[target].values, dtype=torch.float32)
    return DataLoader(TensorDataset(X, y), batch_size=cfg["train"]["batch_size"], shuffle=shuffle, drop_last=shuffle)


train_dl, val_dl, test_dl = make_loader(train, True), make_loader(val, False), make_loader(test, False)

model = PDNet(len(feats), tuple(cfg["model"]["hidden"]), cfg["model"]["dropout"]).to(device)
pos_w = torch.tensor((train[target] == 0).sum() / (train[target] == 1).sum(), dtype=torch.float32, device=device)
loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_w)
opt = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"], weight_decay=cfg["train"]["weight_decay"])


def scores(dl):
    model.eval()
    out, ys = [], []
    with torch.inference_mode():
        for xb, yb in dl:
            out.append(torch.sigmoid(model(xb.to(device))).cpu())
            ys.append(yb)
    return torch.cat(ys).numpy(), torch.cat(out).numpy()


best, wait = -1.0, 0
for epoch in range(cfg["train"]["epochs"]):
    model.train()
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    val_auc = roc_auc_score(*scores(val_dl))
    print(f"epoch {epoch:02d} val AUC {val_auc:.4f}")
    if val_auc > best + 1e-4:
        best, wait = val_auc, 0
        torch.save(model.state_dict(), cfg["checkpoint"])
    else:
        wait += 1
        if wait >= cfg["train"]["patience"]:
            break

model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
test_auc = roc_auc_score(*scores(test_dl))
print(f"best val AUC {best:.4f} | test AUC {test_auc:.4f} | test Gini {2 * test_auc - 1:.4f}")
