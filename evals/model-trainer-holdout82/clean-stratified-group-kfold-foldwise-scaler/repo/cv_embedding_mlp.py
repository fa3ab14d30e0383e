"""5-fold grouped CV for the first-year policy lapse MLP (households hold several policies)."""
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit, StratifiedGroupKFold, cross_val_predict
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

SEED = 2718
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)

CATS = ["product", "region", "payment_frequency", "sales_channel"]
NUMS = ["holder_age", "annual_premium", "sum_assured", "term_years", "n_riders", "household_policies"]
TARGET, GROUP = "lapsed_first_year", "household_id"
CKPT_DIR = Path("checkpoints/cv")


class EmbMLP(nn.Module):
    def __init__(self, cards, n_num):
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(c, 6) for c in cards)
        self.mlp = nn.Sequential(nn.Linear(6 * len(cards) + n_num, 128), nn.ReLU(), nn.Dropout(0.2),
                                 nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 1))

    def forward(self, xc, xn):
        return self.mlp(torch.cat([e(xc[:, i]) for i, e in enumerate(self.embs)] + [xn], 1)).squeeze(-1)


def fit_fold(fold, fit_df, es_df):
    enc = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(fit_df[CATS])
    sc = StandardScaler().fit(fit_df[NUMS])

    def t(f):
        return (torch.tensor(enc.transform(f[CATS]) + 1, dtype=torch.long),
                torch.tensor(sc.transform(f[NUMS]), dtype=torch.float32),
                torch.tensor(f[TARGET].values, dtype=torch.float32))

    (xc, xn, y), (vc, vn, vy) = t(fit_df), t(es_df)
    model = EmbMLP([len(c) + 1 for c in enc.categories_], len(NUMS))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
    loss_fn = nn.BCEWithLogitsLoss()
    path = CKPT_DIR / f"fold{fold}.pt"
    best, stale = np.inf, 0
    for epoch in range(60):
        model.train()
        for idx in torch.randperm(len(y)).split(512):
            opt.zero_grad()
            loss_fn(model(xc[idx], xn[idx]), y[idx]).backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            v = loss_fn(model(vc, vn), vy).item()
        if v < best:
            best, stale = v, 0
            torch.save(model.state_dict(), path)
        elif (stale := stale + 1) >= 5:
            break
    model.load_state_dict(torch.load(path))
    model.eval()
    return model, t


def main():
    CKPT_DIR.mkdir(parents=True, exist_ok=True)
    df = pd.read_parquet("data/policies_2019_2022.parquet")
    df[CATS] = df[CATS].fillna("unk").astype(str)
    y, groups = df[TARGET].values, df[GROUP].values

    cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    oof = np.zeros(len(df))
    for fold, (tr_idx, ho_idx) in enumerate(cv.split(df, y, groups)):
        tr_df, ho_df = df.iloc[tr_idx], df.iloc[ho_idx]
        inner = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=SEED + fold)
        fit_i, es_i = next(inner.split(tr_df, groups=tr_df[GROUP]))
        model, to_tensors = fit_fold(fold, tr_df.iloc[fit_i], tr_df.iloc[es_i])
        hc, hn, _ = to_tensors(ho_df)
        with torch.no_grad():
            oof[ho_idx] = torch.sigmoid(model(hc, hn)).numpy()
        print(f"fold {fold}: ROC-AUC={roc_auc_score(y[ho_idx], oof[ho_idx]):.4f}")

    baseline = Pipeline([
        ("prep", ColumnTransformer([("cat", OneHotEncoder(handle_unknown="ignore"), CATS),
                                    ("num", StandardScaler(), NUMS)])),
        ("clf", LogisticRegression(max_iter=2000)),
    ])
    oof_base = cross_val_predict(baseline, df, y, cv=cv, groups=groups, method="predict_proba")[:, 1]

    report = {name: {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
                     "brier": brier_score_loss(y, p)}
              for name, p in [("emb_mlp", oof), ("logreg", oof_base)]}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
