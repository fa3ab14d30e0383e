"""Tabular MLP for in-hospital mortality at 24h after admission (ward + ICU admissions)."""
import copy
import random

import numpy as np
import pandas as pd
import torch
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

SEED = 5
DATA = "data/admissions_24h_features.parquet"
NUMERIC = ["age", "hr_max", "rr_max", "sbp_min", "temp_max", "spo2_min", "gcs_min",
           "lactate_max", "creatinine_max", "bun_max", "wbc_max", "platelets_min",
           "bilirubin_max", "albumin_min", "n_vasopressor_hours", "urine_output_24h"]
CATEGORICAL = ["sex", "admit_type", "admit_unit", "comorbidity_band"]

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)


class MortalityMLP(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Dropout(0.25),
            nn.Linear(128, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Dropout(0.25),
            nn.Linear(64, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(-1)


@torch.no_grad()
def predict(model, X):
    model.eval()
    return torch.sigmoid(model(torch.as_tensor(X, dtype=torch.float32))).numpy()


def main():
    df = pd.read_parquet(DATA)
    X, y = df[NUMERIC + CATEGORICAL], df["died_in_hospital"].to_numpy()
    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_tr, X_val, y_tr, y_val = train_test_split(X_dev, y_dev, test_size=0.15, stratify=y_dev, random_state=SEED)

    prep = ColumnTransformer([
        ("num", Pipeline([("imp", SimpleImputer(strategy="median", add_indicator=True)),
                          ("sc", StandardScaler())]), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
    ])
    A_tr = prep.fit_transform(X_tr).astype(np.float32)
    A_val, A_test = prep.transform(X_val).astype(np.float32), prep.transform(X_test).astype(np.float32)

    loader = DataLoader(TensorDataset(torch.from_numpy(A_tr), torch.from_numpy(y_tr.astype(np.float32))),
                        batch_size=256, shuffle=True, drop_last=True)
    model = MortalityMLP(A_tr.shape[1])
    optimizer = torch.optim.Adam(model.parameters(), lr=5e-4, weight_decay=1e-5)
    pos_weight = torch.tensor((1 - y_tr.mean()) / y_tr.mean())
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)

    best_state, best_auprc, patience, stale = None, -1.0, 10, 0
    for epoch in range(200):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for xb, yb in loader:
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            running += loss.item()
        val_p = predict(model, A_val)
        val_auprc = average_precision_score(y_val, val_p)
        print(f"epoch {epoch:03d} loss {running / len(loader):.4f} val_auprc {val_auprc:.4f}")
        if val_auprc > best_auprc:
            best_auprc, best_state, stale = val_auprc, copy.deepcopy(model.state_dict()), 0
            torch.save(best_state, "mortality_mlp.pt")
        else:
            stale += 1
            if stale >= patience:
                break

    model.load_state_dict(best_state)
    logreg = LogisticRegression(max_iter=3000).fit(A_tr, y_tr)
    for name, p in [("logreg", logreg.predict_proba(A_test)[:, 1]), ("mlp", predict(model, A_test))]:
        print(f"{name:6s} AUROC {roc_auc_score(y_test, p):.3f} AUPRC {average_precision_score(y_test, p):.3f} "
              f"Brier {brier_score_loss(y_test, p):.4f}")


if __name__ == "__main__":
    main()
