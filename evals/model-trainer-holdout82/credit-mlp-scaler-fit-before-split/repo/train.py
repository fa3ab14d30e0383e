import argparse
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from tabdl import EmbeddingMLP, apply_feature_state, build_feature_state


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def make_loader(cats, nums, y, batch_size, shuffle):
    ds = TensorDataset(torch.from_numpy(cats), torch.from_numpy(nums), torch.from_numpy(y.astype(np.float32)))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


@torch.no_grad()
def predict(model, loader):
    model.eval()
    out = [torch.sigmoid(model(xc, xn)) for xc, xn, _ in loader]
    return torch.cat(out).numpy()


def main(cfg_path: str) -> None:
    cfg = yaml.safe_load(open(cfg_path))
    dcfg, mcfg, tcfg = cfg["data"], cfg["model"], cfg["train"]
    set_seed(tcfg["seed"])

    df = pd.read_parquet(dcfg["path"])
    y = df[dcfg["target"]].values
    state = build_feature_state(df, dcfg["categorical"], dcfg["numerical"])
    cats, nums = apply_feature_state(df, state)

    idx = np.arange(len(df))
    idx_tmp, idx_test = train_test_split(idx, test_size=dcfg["test_size"], stratify=y, random_state=tcfg["seed"])
    idx_train, idx_val = train_test_split(
        idx_tmp, test_size=dcfg["val_size"], stratify=y[idx_tmp], random_state=tcfg["seed"]
    )

    train_dl = make_loader(cats[idx_train], nums[idx_train], y[idx_train], tcfg["batch_size"], True)
    val_dl = make_loader(cats[idx_val], nums[idx_val], y[idx_val], 2048, False)
    test_dl = make_loader(cats[idx_test], nums[idx_test], y[idx_test], 2048, False)

    model = EmbeddingMLP(state.cardinalities, len(dcfg["numerical"]), mcfg["embedding_dim"],
                         mcfg["hidden"], mcfg["dropout"])
    opt = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    loss_fn = torch.nn.BCEWithLogitsLoss()

    ckpt = Path(tcfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best_auc, bad_epochs = -1.0, 0
    for epoch in range(tcfg["max_epochs"]):
        model.train()
        for xc, xn, yb in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(xc, xn), yb)
            loss.backward()
            opt.step()
        val_auc = roc_auc_score(y[idx_val], predict(model, val_dl))
        print(f"epoch {epoch:02d} val_auc={val_auc:.4f}")
        if val_auc > best_auc:
            best_auc, bad_epochs = val_auc, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= tcfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt))
    p_test = predict(model, test_dl)
    print(f"MLP     test ROC-AUC={roc_auc_score(y[idx_test], p_test):.4f} "
          f"PR-AUC={average_precision_score(y[idx_test], p_test):.4f}")

    x_flat = np.hstack([cats, nums])
    for name, base in [("prior", DummyClassifier(strategy="prior")),
                       ("logreg", LogisticRegression(max_iter=2000))]:
        base.fit(x_flat[idx_train], y[idx_train])
        pb = base.predict_proba(x_flat[idx_test])[:, 1]
        print(f"{name:7s} test ROC-AUC={roc_auc_score(y[idx_test], pb):.4f} "
              f"PR-AUC={average_precision_score(y[idx_test], pb):.4f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/credit.yaml")
    main(parser.parse_args().config)
