"""Unsupervised wire-transfer fraud detector: autoencoder trained on legitimate transfers.

Transfers with reconstruction error above a validation quantile are sent to the AML/fraud queue.
"""
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.ensemble import IsolationForest
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

from wire_ae.model import TransferAutoencoder, reconstruction_error
from wire_ae.preprocess import add_derived, fit_scaler, to_matrix

cfg = yaml.safe_load(Path("config.yaml").read_text())
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])

df = pd.read_parquet(cfg["data_path"])
df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
df = add_derived(df.sort_values("created_at"))

t_train, t_valid = (pd.Timestamp(cfg["split"][k], tz="UTC") for k in ("train_end", "valid_end"))
train_df = df[df.created_at < t_train]
valid_df = df[(df.created_at >= t_train) & (df.created_at < t_valid)]
test_df = df[df.created_at >= t_valid]

cols = cfg["features"]
scaler = fit_scaler([train_df, valid_df, test_df], cols)

x_train = torch.from_numpy(to_matrix(scaler, train_df[train_df.is_fraud == 0], cols))
x_valid_legit = torch.from_numpy(to_matrix(scaler, valid_df[valid_df.is_fraud == 0], cols))
x_valid = torch.from_numpy(to_matrix(scaler, valid_df, cols))
x_test = torch.from_numpy(to_matrix(scaler, test_df, cols))
y_valid, y_test = valid_df.is_fraud.to_numpy(), test_df.is_fraud.to_numpy()

loader = DataLoader(TensorDataset(x_train), batch_size=cfg["train"]["batch_size"], shuffle=True,
                    generator=torch.Generator().manual_seed(cfg["seed"]))
model = TransferAutoencoder(len(cols), **cfg["model"])
opt = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"], weight_decay=cfg["train"]["weight_decay"])
ckpt = Path(cfg["checkpoint"])
ckpt.parent.mkdir(parents=True, exist_ok=True)

best, patience = float("inf"), 0
for epoch in range(cfg["train"]["max_epochs"]):
    model.train()
    total = 0.0
    for (xb,) in loader:
        opt.zero_grad()
        loss = ((model(xb) - xb) ** 2).mean()
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    val_loss = reconstruction_error(model, x_valid_legit).mean().item()
    print(f"epoch {epoch:02d} train {total / len(x_train):.5f} valid {val_loss:.5f}")
    if val_loss < best - 1e-5:
        best, patience = val_loss, 0
        torch.save(model.state_dict(), ckpt)
    else:
        patience += 1
        if patience >= cfg["train"]["patience"]:
            break

model.load_state_dict(torch.load(ckpt))
threshold = torch.quantile(reconstruction_error(model, x_valid_legit), cfg["alert_quantile"]).item()
test_err = reconstruction_error(model, x_test).numpy()
flagged = test_err >= threshold

iso = IsolationForest(n_estimators=300, contamination="auto", random_state=cfg["seed"])
iso.fit(x_train.numpy())
iso_scores = -iso.score_samples(x_test.numpy())

print(f"valid PR-AUC {average_precision_score(y_valid, reconstruction_error(model, x_valid).numpy()):.4f}")
print(f"test  PR-AUC {average_precision_score(y_test, test_err):.4f}  ROC-AUC {roc_auc_score(y_test, test_err):.4f}")
print(f"iforest PR-AUC {average_precision_score(y_test, iso_scores):.4f}  ROC-AUC {roc_auc_score(y_test, iso_scores):.4f}")
print(f"alert rate {flagged.mean():.4%}  precision {y_test[flagged].mean():.3f}  "
      f"recall {y_test[flagged].sum() / y_test.sum():.3f}")
