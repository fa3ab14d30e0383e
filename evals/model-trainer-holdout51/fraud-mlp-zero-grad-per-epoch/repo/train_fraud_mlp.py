"""Motor claims fraud-referral scorer (tabular MLP).

Target: claim referred to SIU and confirmed fraudulent (~3% of claims).
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

NUM = ["claim_amount_log", "days_policy_to_claim", "days_incident_to_report", "n_prior_claims",
       "vehicle_value_log", "driver_age", "n_parties", "police_report_delay"]
CAT = ["incident_type", "collision_type", "injury_flag", "garage_network", "channel"]


class FraudMLP(nn.Module):
    def __init__(self, d_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(d_in, 128), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(128, 64), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(64, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


def predict(model, x):
    model.eval()
    with torch.no_grad():
        return torch.sigmoid(model(x)).numpy()


def main(args):
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    claims = pd.read_csv(args.data)
    y = claims["confirmed_fraud"].to_numpy()
    tr, te = train_test_split(claims, test_size=0.2, stratify=y, random_state=args.seed)
    tr, va = train_test_split(tr, test_size=0.2, stratify=tr["confirmed_fraud"], random_state=args.seed)

    ct = ColumnTransformer([("num", StandardScaler(), NUM),
                            ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CAT)])
    to_t = lambda a: torch.tensor(a, dtype=torch.float32)
    X_tr, X_va, X_te = to_t(ct.fit_transform(tr)), to_t(ct.transform(va)), to_t(ct.transform(te))
    y_tr, y_va, y_te = (to_t(d["confirmed_fraud"].to_numpy()) for d in (tr, va, te))

    loader = DataLoader(TensorDataset(X_tr, y_tr), batch_size=256, shuffle=True)
    model = FraudMLP(X_tr.shape[1])
    pos_weight = torch.tensor((1 - y_tr.mean()) / y_tr.mean())
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)

    best_ap, patience = 0.0, 0
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        for xb, yb in loader:
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()

        val_ap = average_precision_score(y_va.numpy(), predict(model, X_va))
        print(f"epoch {epoch}: loss={loss.item():.4f} val PR-AUC={val_ap:.4f}")
        if val_ap > best_ap:
            best_ap, patience = val_ap, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            patience += 1
            if patience >= 8:
                break

    model.load_state_dict(torch.load(args.ckpt))
    prec, rec, thr = precision_recall_curve(y_va.numpy(), predict(model, X_va))
    threshold = thr[np.argmax(rec[:-1] * (prec[:-1] >= 0.30))]

    base = LogisticRegression(max_iter=2000, class_weight="balanced").fit(X_tr.numpy(), y_tr.numpy())
    p_base = base.predict_proba(X_te.numpy())[:, 1]
    p_mlp = predict(model, X_te)
    for name, p in [("logreg", p_base), ("mlp", p_mlp)]:
        print(f"{name}: ROC-AUC={roc_auc_score(y_te, p):.3f} PR-AUC={average_precision_score(y_te, p):.3f}")
    flagged = p_mlp >= threshold
    print(f"referral rate={flagged.mean():.3%} recall={(flagged & (y_te.numpy() == 1)).sum() / y_te.sum():.3f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/motor_claims_fraud.csv")
    p.add_argument("--ckpt", default="fraud_mlp.pt")
    p.add_argument("--epochs", type=int, default=60)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=5)
    main(p.parse_args())
