"""Train FraudNet for buy-now-pay-later order fraud."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from fraudnet.engine import evaluate, predict, train_one_epoch
from fraudnet.model import FraudNet
from fraudnet.utils import EarlyStopper, set_seed

cfg = yaml.safe_load(Path("configs/bnpl.yaml").read_text())
gen = set_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
dc, feats = cfg["data"], cfg["features"]

df = pd.read_parquet(dc["path"]).sort_values(dc["time_col"])
t = df[dc["time_col"]]
train = df[t < dc["train_end"]]
valid = df[(t >= dc["train_end"]) & (t < dc["valid_end"])]
test = df[(t >= dc["valid_end"]) & (t < dc["test_end"])]

scaler = StandardScaler().fit(train[feats].fillna(0))


def make_loader(frame, shuffle):
    x = torch.tensor(scaler.transform(frame[feats].fillna(0)), dtype=torch.float32)
    y = torch.tensor(frame[dc["target"]].to_numpy(), dtype=torch.float32)
    return DataLoader(TensorDataset(x, y), batch_size=cfg["training"]["batch_size"], shuffle=shuffle,
                      generator=gen if shuffle else None)


train_dl, valid_dl, test_dl = make_loader(train, True), make_loader(valid, False), make_loader(test, False)

pos_rate = train[dc["target"]].mean()
pos_weight = torch.tensor(min((1 - pos_rate) / pos_rate, cfg["training"]["pos_weight_cap"]), device=device)
criterion = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
model = FraudNet(len(feats), **cfg["model"]).to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["training"]["lr"], weight_decay=cfg["training"]["weight_decay"])
stopper = EarlyStopper(cfg["training"]["patience"], mode="max")
ckpt_dir = Path(cfg["checkpoint_dir"])
ckpt_dir.mkdir(parents=True, exist_ok=True)

for epoch in range(cfg["training"]["max_epochs"]):
    train_loss = train_one_epoch(model, train_dl, optimizer, criterion, device)
    val_metrics, _, _ = evaluate(model, valid_dl, device)
    print(f"epoch {epoch:02d} train_loss {train_loss:.4f} val_loss {val_metrics['loss']:.4f} val_pr_auc {val_metrics['pr_auc']:.4f}")
    if stopper.step(val_metrics["pr_auc"]):
        torch.save({"model": model.state_dict(), "epoch": epoch, "config": cfg}, ckpt_dir / "best.pt")
    if stopper.should_stop:
        break

model.load_state_dict(torch.load(ckpt_dir / "best.pt")["model"])
val_scores, val_y = predict(model, valid_dl, device)
p, r, thr = precision_recall_curve(val_y, val_scores)
ok = p[:-1] >= cfg["evaluation"]["min_precision"]
threshold = float(thr[ok][np.argmax(r[:-1][ok])]) if ok.any() else float(thr[-1])

test_scores, test_y = predict(model, test_dl, device)
baseline = LogisticRegression(max_iter=3000, class_weight="balanced")
baseline.fit(scaler.transform(train[feats].fillna(0)), train[dc["target"]])
base_scores = baseline.predict_proba(scaler.transform(test[feats].fillna(0)))[:, 1]

flag = test_scores >= threshold
summary = {
    "threshold_from_valid": threshold,
    "fraudnet": {"pr_auc": average_precision_score(test_y, test_scores), "roc_auc": roc_auc_score(test_y, test_scores),
                 "precision": float(test_y[flag].mean()) if flag.any() else 0.0,
                 "recall": float(test_y[flag].sum() / test_y.sum())},
    "logreg": {"pr_auc": average_precision_score(test_y, base_scores), "roc_auc": roc_auc_score(test_y, base_scores)},
}
print(json.dumps(summary, indent=2))
(ckpt_dir / "test_summary.json").write_text(json.dumps(summary, indent=2))
