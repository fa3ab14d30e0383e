"""Appointment no-show model: embedding MLP, tracked in W&B, weights pushed to the HF Hub."""
import json
import os
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import wandb
from huggingface_hub import HfApi
from safetensors.torch import load_file, save_file
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OrdinalEncoder, StandardScaler

SEED = 1009
CATS = ["clinic_id", "specialty", "weekday", "booking_channel", "age_band", "sms_reminder"]
NUMS = ["lead_days", "prior_noshows", "prior_visits", "distance_km"]
TARGET = "no_show"
OUT = Path("artifacts/noshow")


class NoShowNet(nn.Module):
    def __init__(self, cards, n_num):
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(c, min(16, (c + 1) // 2)) for c in cards)
        d = sum(e.embedding_dim for e in self.embs) + n_num
        self.net = nn.Sequential(nn.Linear(d, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Dropout(0.2),
                                 nn.Linear(128, 1))

    def forward(self, xc, xn):
        return self.net(torch.cat([e(xc[:, i]) for i, e in enumerate(self.embs)] + [xn], 1)).squeeze(-1)


def main():
    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    OUT.mkdir(parents=True, exist_ok=True)
    wandb.login(key=os.environ["WANDB_API_KEY"])
    run = wandb.init(project="noshow", config={"seed": SEED, "cats": CATS, "nums": NUMS})

    df = pd.read_csv(os.environ.get("NOSHOW_DATA", "data/appointments.csv"))
    tr, te = train_test_split(df, test_size=0.2, stratify=df[TARGET], random_state=SEED)
    tr, va = train_test_split(tr, test_size=0.2, stratify=tr[TARGET], random_state=SEED)
    enc = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(tr[CATS].astype(str))
    sc = StandardScaler().fit(tr[NUMS])

    def t(f):
        return (torch.tensor(enc.transform(f[CATS].astype(str)) + 1, dtype=torch.long),
                torch.tensor(sc.transform(f[NUMS]), dtype=torch.float32),
                torch.tensor(f[TARGET].values, dtype=torch.float32))

    (xc, xn, y), (vc, vn, vy), (tc, tn, ty) = t(tr), t(va), t(te)
    model = NoShowNet([len(c) + 1 for c in enc.categories_], len(NUMS))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.BCEWithLogitsLoss()

    best, stale = -1.0, 0
    for epoch in range(80):
        model.train()
        for idx in torch.randperm(len(y)).split(512):
            opt.zero_grad()
            loss = loss_fn(model(xc[idx], xn[idx]), y[idx])
            loss.backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            val_ap = average_precision_score(vy, torch.sigmoid(model(vc, vn)))
        run.log({"epoch": epoch, "train_loss": loss.item(), "val_pr_auc": val_ap})
        if val_ap > best:
            best, stale = val_ap, 0
            save_file(model.state_dict(), OUT / "model.safetensors")
        elif (stale := stale + 1) >= 6:
            break

    model.load_state_dict(load_file(OUT / "model.safetensors"))
    model.eval()
    with torch.no_grad():
        p = torch.sigmoid(model(tc, tn)).numpy()
    base = LogisticRegression(max_iter=1000).fit(torch.cat([xc, xn], 1), y)
    p_base = base.predict_proba(torch.cat([tc, tn], 1))[:, 1]
    metrics = {f"{name}_{m}": fn(ty, pr) for name, pr in [("mlp", p), ("logreg", p_base)]
               for m, fn in [("roc_auc", roc_auc_score), ("pr_auc", average_precision_score),
                             ("brier", brier_score_loss)]}
    run.summary.update(metrics)
    (OUT / "metrics.json").write_text(json.dumps(metrics, indent=2))

    api = HfApi(token=os.getenv("HF_TOKEN"))
    repo_id = os.getenv("HF_REPO_ID", "clinic-analytics/noshow-embedding-mlp")
    api.create_repo(repo_id, private=True, exist_ok=True)
    api.upload_folder(folder_path=str(OUT), repo_id=repo_id, commit_message=f"val_pr_auc={best:.4f}")
    run.finish()


if __name__ == "__main__":
    main()
