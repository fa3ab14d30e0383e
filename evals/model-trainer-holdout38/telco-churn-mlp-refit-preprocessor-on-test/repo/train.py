"""Train the churn MLP. Writes the held-out test rows to artifacts/ for evaluate.py."""
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from src.churn.net import ChurnNet, predict_proba
from src.churn.preprocess import TARGET, Preprocessor, clean

SEED = 2023
ART = Path("artifacts")
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)


def main():
    ART.mkdir(exist_ok=True)
    df = clean(pd.read_csv("data/WA_Fn-UseC_-Telco-Customer-Churn.csv"))
    dev, test = train_test_split(df, test_size=0.2, stratify=df[TARGET], random_state=SEED)
    train, val = train_test_split(dev, test_size=0.2, stratify=dev[TARGET], random_state=SEED)
    test.to_parquet(ART / "test.parquet")

    prep = Preprocessor()
    x_tr = prep.fit_transform(train)
    x_va = prep.transform(val)
    y_tr = train[TARGET].to_numpy("float32")
    y_va = val[TARGET].to_numpy()

    logreg = LogisticRegression(max_iter=1000, class_weight="balanced").fit(x_tr, y_tr)
    print("logreg val ROC-AUC %.4f PR-AUC %.4f" % (
        roc_auc_score(y_va, logreg.predict_proba(x_va)[:, 1]),
        average_precision_score(y_va, logreg.predict_proba(x_va)[:, 1])))

    model = ChurnNet(x_tr.shape[1])
    pos_weight = torch.tensor((1 - y_tr.mean()) / y_tr.mean())
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-5)
    loader = DataLoader(TensorDataset(torch.from_numpy(x_tr), torch.from_numpy(y_tr)),
                        batch_size=128, shuffle=True)

    best_ap, patience, wait = 0.0, 10, 0
    for epoch in range(200):
        model.train()
        for xb, yb in loader:
            opt.zero_grad()
            loss_fn(model(xb), yb).backward()
            opt.step()
        ap = average_precision_score(y_va, predict_proba(model, x_va))
        if ap > best_ap:
            best_ap, wait = ap, 0
            torch.save(model.state_dict(), ART / "churn_mlp.pt")
        else:
            wait += 1
            if wait >= patience:
                break

    model.load_state_dict(torch.load(ART / "churn_mlp.pt"))
    p_va = predict_proba(model, x_va)
    prec, rec, thr = precision_recall_curve(y_va, p_va)
    f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
    threshold = float(thr[f1.argmax()])
    print(f"val PR-AUC {best_ap:.4f}, F1-optimal threshold {threshold:.3f} "
          f"(val F1 {f1_score(y_va, p_va >= threshold):.4f})")
    json.dump({"threshold": threshold, "d_in": int(x_tr.shape[1])},
              open(ART / "meta.json", "w"))


if __name__ == "__main__":
    main()
