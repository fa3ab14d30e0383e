import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from catboost import CatBoostClassifier
from imblearn.under_sampling import RandomUnderSampler
from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OrdinalEncoder, RobustScaler

from fraudnet.net import ClaimNet
from fraudnet.thresholds import threshold_for_precision

cfg = yaml.safe_load(open("settings.yaml"))
SEED, T, CATS, NUMS = cfg["seed"], cfg["target"], cfg["categorical"], cfg["numerical"]
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)

claims = pd.read_csv(cfg["data"])
claims[T] = (claims[T] == "Y").astype(int)
claims[CATS] = claims[CATS].fillna("?").astype(str)
train, test = train_test_split(claims, test_size=0.2, stratify=claims[T], random_state=SEED)
train, val = train_test_split(train, test_size=0.25, stratify=train[T], random_state=SEED)

rus = RandomUnderSampler(sampling_strategy=cfg["undersample_ratio"], random_state=SEED)
train_bal, _ = rus.fit_resample(train, train[T])
print(f"train {len(train)} -> {len(train_bal)} rows after undersampling; val/test untouched")

enc = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(train_bal[CATS])
scaler = RobustScaler().fit(train_bal[NUMS])


def tensors(f):
    return (torch.tensor(enc.transform(f[CATS]) + 1, dtype=torch.long),
            torch.tensor(scaler.transform(f[NUMS]), dtype=torch.float32),
            torch.tensor(f[T].values, dtype=torch.float32))


(xc, xn, y), (vc, vn, vy), (tc, tn, ty) = tensors(train_bal), tensors(val), tensors(test)
model = ClaimNet([len(c) + 1 for c in enc.categories_], len(NUMS))
opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
loss_fn = torch.nn.BCEWithLogitsLoss()


def scores(c, n):
    model.eval()
    with torch.no_grad():
        return torch.sigmoid(model(c, n)).numpy()


ckpt = Path(cfg["checkpoint"])
ckpt.parent.mkdir(parents=True, exist_ok=True)
best_ap, stale = -1.0, 0
for epoch in range(cfg["epochs"]):
    model.train()
    for idx in torch.randperm(len(y)).split(64):
        opt.zero_grad()
        loss_fn(model(xc[idx], xn[idx]), y[idx]).backward()
        opt.step()
    ap = average_precision_score(vy, scores(vc, vn))
    if ap > best_ap:
        best_ap, stale = ap, 0
        torch.save(model.state_dict(), ckpt)
    elif (stale := stale + 1) >= cfg["patience"]:
        break
model.load_state_dict(torch.load(ckpt))

cb = CatBoostClassifier(iterations=1500, depth=5, learning_rate=0.03, random_seed=SEED, verbose=0,
                        eval_metric="PRAUC", early_stopping_rounds=100)
cb.fit(train_bal[CATS + NUMS], train_bal[T], cat_features=CATS, eval_set=(val[CATS + NUMS], val[T]))

results = {}
for name, p_val, p_test in [("claimnet", scores(vc, vn), scores(tc, tn)),
                            ("catboost", cb.predict_proba(val[CATS + NUMS])[:, 1],
                             cb.predict_proba(test[CATS + NUMS])[:, 1])]:
    thr = threshold_for_precision(val[T].values, p_val, cfg["min_precision"])
    pred = (p_test >= thr).astype(int)
    results[name] = {"threshold": thr, "roc_auc": roc_auc_score(test[T], p_test),
                     "pr_auc": average_precision_score(test[T], p_test),
                     "precision": precision_score(test[T], pred, zero_division=0),
                     "recall": recall_score(test[T], pred)}
print(pd.DataFrame(results).T.round(4))
