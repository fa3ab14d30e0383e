"""2-year kidney failure (eGFR<15, dialysis or transplant) from outpatient CKD visit history."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from ckdseq.data import CHANNELS, VisitDataset, build_sequences, pad_collate
from ckdseq.engine import run_epoch, score
from ckdseq.model import VisitGRU
from ckdseq.utils import set_seed

cfg = yaml.safe_load(open("config.yaml"))
gen = set_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

visits = pd.read_parquet(cfg["data"]["visits"])
outcomes = pd.read_parquet(cfg["data"]["outcomes"]).set_index("patient_id")
seqs = build_sequences(visits, cfg["data"]["max_visits"])
pids = np.array([p for p in outcomes.index if p in seqs])
y = outcomes.loc[pids, "kidney_failure_2y"].to_numpy()

pid_dev, pid_test, y_dev, y_test = train_test_split(
    pids, y, test_size=cfg["data"]["test_size"], stratify=y, random_state=cfg["seed"])
pid_tr, pid_val, y_tr, y_val = train_test_split(
    pid_dev, y_dev, test_size=cfg["data"]["val_size"], stratify=y_dev, random_state=cfg["seed"])

train_vals = np.concatenate([seqs[p][0] for p in pid_tr])
mean, std = np.nanmean(train_vals, axis=0), np.nanstd(train_vals, axis=0) + 1e-6
ds = {k: VisitDataset(seqs, p, t, mean, std) for k, p, t in
      [("train", pid_tr, y_tr), ("val", pid_val, y_val), ("test", pid_test, y_test)]}
dl_train = DataLoader(ds["train"], cfg["optim"]["batch_size"], shuffle=True, collate_fn=pad_collate, generator=gen)
dl_val = DataLoader(ds["val"], 256, collate_fn=pad_collate)
dl_test = DataLoader(ds["test"], 256, collate_fn=pad_collate)

model = VisitGRU(2 * len(CHANNELS) + 1, **cfg["model"]).to(device)
loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - y_tr.mean()) / y_tr.mean(), device=device))
opt = torch.optim.Adam(model.parameters(), lr=cfg["optim"]["lr"], weight_decay=cfg["optim"]["weight_decay"])

ckpt_dir = Path(cfg["checkpoint_dir"])
ckpt_dir.mkdir(parents=True, exist_ok=True)
best, wait = -np.inf, 0
for epoch in range(cfg["optim"]["epochs"]):
    tr_loss = run_epoch(model, dl_train, loss_fn, opt, device)
    val = score(model, dl_val, loss_fn, device)
    print(f"[{epoch:02d}] train {tr_loss:.4f} | val loss {val['loss']:.4f} auroc {val['auroc']:.3f} auprc {val['auprc']:.3f}")
    if val["auprc"] > best:
        best, wait = val["auprc"], 0
        torch.save({"model": model.state_dict(), "epoch": epoch, "mean": mean, "std": std}, ckpt_dir / "best.pt")
    else:
        wait += 1
        if wait >= cfg["optim"]["patience"]:
            print("early stop")
            break

state = torch.load(ckpt_dir / "best.pt", map_location=device, weights_only=False)
model.load_state_dict(state["model"])
test = score(model, dl_test, loss_fn, device)

last_visit = lambda ids: np.nan_to_num((np.stack([seqs[p][0][-1] for p in ids]) - mean) / std)
lr = LogisticRegression(max_iter=3000, class_weight="balanced").fit(last_visit(pid_tr), y_tr)
p_lr = lr.predict_proba(last_visit(pid_test))[:, 1]
report = {
    "gru": {"auroc": test["auroc"], "auprc": test["auprc"], "best_epoch": state["epoch"]},
    "logreg_last_visit": {"auroc": roc_auc_score(y_test, p_lr), "auprc": average_precision_score(y_test, p_lr)},
}
print(json.dumps(report, indent=2))
json.dump(report, open(ckpt_dir / "test_report.json", "w"), indent=2)
