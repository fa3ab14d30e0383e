import json

import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader, TensorDataset

from elastic.model import HierElasticity

torch.manual_seed(0)
np.random.seed(0)

cfg = json.load(open("config.json"))
df = pd.read_parquet(cfg["panel_path"])
df["week_start"] = pd.to_datetime(df["week_start"])
df["log_q"] = np.log1p(df["units_sold"])
df["log_p"] = np.log(df["shelf_price"] / df["base_price"])
df["woy"] = df["week_start"].dt.isocalendar().week.astype(int) - 1

train = df[df["week_start"] < cfg["holdout_start"]]
hold = df[df["week_start"] >= cfg["holdout_start"]]
sku_to_cat = df.drop_duplicates("sku_idx").sort_values("sku_idx")["cat_idx"].to_numpy()


def tensors(d):
    return TensorDataset(
        torch.as_tensor(d["store_sku_idx"].to_numpy()), torch.as_tensor(d["sku_idx"].to_numpy()),
        torch.as_tensor(d["woy"].to_numpy()), torch.as_tensor(d["log_p"].to_numpy(), dtype=torch.float32),
        torch.as_tensor(d[["tpr_flag", "display_flag", "feature_flag"]].to_numpy(), dtype=torch.float32),
        torch.as_tensor(d["log_q"].to_numpy(), dtype=torch.float32),
    )


train_dl = DataLoader(tensors(train), batch_size=cfg["batch_size"], shuffle=True)
hold_dl = DataLoader(tensors(hold), batch_size=8192)

model = HierElasticity(df["store_sku_idx"].max() + 1, df["sku_idx"].max() + 1, df["cat_idx"].max() + 1, sku_to_cat)
opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
mse = torch.nn.MSELoss()

opt.zero_grad()
for epoch in range(cfg["epochs"]):
    model.train()
    running = 0.0
    for ss, sku, woy, lp, pr, y in train_dl:
        loss = mse(model(ss, sku, woy, lp, pr), y) + model.penalty(cfg["shrinkage"]) / len(train_dl.dataset)
        loss.backward()
        opt.step()
        running += loss.item() * len(y)

    model.eval()
    with torch.no_grad():
        err = [((model(ss, sku, woy, lp, pr) - y) ** 2).sum().item() for ss, sku, woy, lp, pr, y in hold_dl]
    print(f"epoch {epoch}: train {running / len(train):.4f}  holdout mse {sum(err) / len(hold):.4f}")

with torch.no_grad():
    skus = torch.arange(df["sku_idx"].max() + 1)
    el = model.elasticity(skus).numpy()
out = pd.DataFrame({"sku_idx": skus.numpy(), "cat_idx": sku_to_cat, "own_price_elasticity": el})
out.to_csv(cfg["out_path"], index=False)
print(out.groupby("cat_idx")["own_price_elasticity"].describe().round(2))
