"""Obesity risk (Playground S4E2): FT-Transformer, stratified 5-fold."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, log_loss
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import LabelEncoder, OneHotEncoder, OrdinalEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from ftt.engine import predict_proba, train_one_epoch
from ftt.model import FTTransformer
from ftt.utils import set_seed

NUM = ["Age", "Height", "Weight", "FCVC", "NCP", "CH2O", "FAF", "TUE"]
CAT = ["Gender", "family_history_with_overweight", "FAVC", "CAEC", "SMOKE", "SCC", "CALC", "MTRANS"]


def make_loader(x_num, x_cat, y=None, batch_size=128, shuffle=False, generator=None):
    tensors = [torch.tensor(x_num, dtype=torch.float32), torch.tensor(x_cat, dtype=torch.long)]
    if y is not None:
        tensors.append(torch.tensor(y, dtype=torch.long))
    return DataLoader(TensorDataset(*tensors), batch_size=batch_size, shuffle=shuffle, generator=generator)


def main(cfg):
    gen = set_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    train = pd.read_csv(Path(cfg["data_dir"]) / "train.csv")
    train["BMI"] = train["Weight"] / train["Height"] ** 2
    num = NUM + ["BMI"]
    y = LabelEncoder().fit_transform(train[cfg["target"]])
    n_classes = int(y.max()) + 1
    ckpt_dir = Path(cfg["ckpt_dir"])
    ckpt_dir.mkdir(parents=True, exist_ok=True)

    oof_lr, oof_nn = np.zeros((len(train), n_classes)), np.zeros((len(train), n_classes))
    skf = StratifiedKFold(n_splits=cfg["n_folds"], shuffle=True, random_state=cfg["seed"])
    for fold, (tr, va) in enumerate(skf.split(train, y)):
        df_tr, df_va = train.iloc[tr], train.iloc[va]
        scaler = StandardScaler().fit(df_tr[num])
        ordinal = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(df_tr[CAT])
        ohe = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(df_tr[CAT])

        lr = LogisticRegression(max_iter=3000, C=1.0)
        lr.fit(np.hstack([scaler.transform(df_tr[num]), ohe.transform(df_tr[CAT])]), y[tr])
        oof_lr[va] = lr.predict_proba(np.hstack([scaler.transform(df_va[num]), ohe.transform(df_va[CAT])]))

        xn_tr, xn_va = scaler.transform(df_tr[num]), scaler.transform(df_va[num])
        xc_tr = ordinal.transform(df_tr[CAT]).astype(int) + 1
        xc_va = ordinal.transform(df_va[CAT]).astype(int) + 1
        cards = [len(c) for c in ordinal.categories_]
        tr_loader = make_loader(xn_tr, xc_tr, y[tr], cfg["batch_size"], shuffle=True, generator=gen)
        va_loader = make_loader(xn_va, xc_va, batch_size=1024)

        model = FTTransformer(len(num), cards, n_classes, cfg["d_token"], cfg["n_layers"],
                              cfg["n_heads"], cfg["dropout"]).to(device)
        opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
        best, wait, ckpt = np.inf, 0, ckpt_dir / f"fold{fold}.pt"
        for epoch in range(cfg["max_epochs"]):
            tr_loss = train_one_epoch(model, tr_loader, opt, device, cfg["accum_steps"])
            va_loss = log_loss(y[va], predict_proba(model, va_loader, device), labels=range(n_classes))
            if va_loss < best:
                best, wait = va_loss, 0
                torch.save(model.state_dict(), ckpt)
            else:
                wait += 1
                if wait >= cfg["patience"]:
                    break
        print(f"fold {fold}: stopped at epoch {epoch}, best val logloss {best:.4f} (train {tr_loss:.4f})")
        model.load_state_dict(torch.load(ckpt, map_location=device))
        oof_nn[va] = predict_proba(model, va_loader, device)

    for name, p in (("logreg", oof_lr), ("ft-transformer", oof_nn)):
        pred = p.argmax(1)
        print(f"{name:15s} acc {accuracy_score(y, pred):.4f}  macro-F1 {f1_score(y, pred, average='macro'):.4f}  "
              f"logloss {log_loss(y, p):.4f}")
    np.save(ckpt_dir / "oof_ftt.npy", oof_nn)


if __name__ == "__main__":
    with open("config.yaml") as f:
        main(yaml.safe_load(f))
