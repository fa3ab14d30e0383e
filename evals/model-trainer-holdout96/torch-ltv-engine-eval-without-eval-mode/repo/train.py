import random
import sys

import mlflow
import numpy as np
import pandas as pd
import torch
from omegaconf import OmegaConf
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, "src")
from ltv.engine import evaluate, train_one_epoch  # noqa: E402
from ltv.model import LTVRegressor  # noqa: E402

cfg = OmegaConf.load("configs/ltv.yaml")
random.seed(cfg.seed)
np.random.seed(cfg.seed)
torch.manual_seed(cfg.seed)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

frames = {split: pd.read_parquet(cfg.data[split]) for split in ("train", "valid", "test")}
target = cfg.data.target
feature_cols = [c for c in frames["train"].columns if c not in (target, "customer_id", "cohort_month")]

scaler = StandardScaler().fit(frames["train"][feature_cols])


def make_loader(df: pd.DataFrame, shuffle: bool) -> DataLoader:
    X = torch.tensor(scaler.transform(df[feature_cols]), dtype=torch.float32)
    y = torch.tensor(np.log1p(df[target].clip(lower=0).to_numpy()), dtype=torch.float32)
    return DataLoader(TensorDataset(X, y), batch_size=cfg.train.batch_size, shuffle=shuffle, drop_last=shuffle)


train_loader = make_loader(frames["train"], shuffle=True)
valid_loader = make_loader(frames["valid"], shuffle=False)
test_loader = make_loader(frames["test"], shuffle=False)

model = LTVRegressor(len(feature_cols), list(cfg.model.hidden), cfg.model.dropout).to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.train.lr, weight_decay=cfg.train.weight_decay)
loss_fn = nn.HuberLoss(delta=1.0)

mlflow.set_experiment("ltv-mlp")
with mlflow.start_run():
    mlflow.log_params(OmegaConf.to_container(cfg, resolve=True)["train"])
    best_val, bad_epochs = float("inf"), 0
    for epoch in range(cfg.train.max_epochs):
        tr_loss = train_one_epoch(model, train_loader, optimizer, loss_fn, device)
        val_loss, _ = evaluate(model, valid_loader, loss_fn, device)
        mlflow.log_metrics({"train_loss": tr_loss, "val_loss": val_loss}, step=epoch)
        if val_loss < best_val - 1e-4:
            best_val, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), cfg.checkpoint)
        else:
            bad_epochs += 1
            if bad_epochs >= cfg.train.patience:
                print(f"early stop at epoch {epoch}")
                break

    model.load_state_dict(torch.load(cfg.checkpoint, map_location=device))
    _, test_pred_log = evaluate(model, test_loader, loss_fn, device)
    y_test = frames["test"][target].clip(lower=0).to_numpy()
    test_pred = np.expm1(test_pred_log)
    baseline = np.full_like(y_test, np.expm1(np.log1p(frames["train"][target].clip(lower=0)).mean()))

    metrics = {
        "test_mae": mean_absolute_error(y_test, test_pred),
        "test_rmse": float(np.sqrt(mean_squared_error(y_test, test_pred))),
        "baseline_mae": mean_absolute_error(y_test, baseline),
        "baseline_rmse": float(np.sqrt(mean_squared_error(y_test, baseline))),
    }
    mlflow.log_metrics(metrics)
    mlflow.log_artifact(cfg.checkpoint)
    print(metrics)
