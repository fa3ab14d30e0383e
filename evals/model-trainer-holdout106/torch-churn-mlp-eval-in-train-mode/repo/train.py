"""Train the B2C churn MLP (entity embeddings + MLP) and export the best checkpoint."""
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from torch import nn

from churnnet.data import Preprocessor, make_loader, split_frame
from churnnet.model import ChurnMLP


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def predict(model, loader):
    scores, labels = [], []
    with torch.no_grad():
        for x_cat, x_num, y in loader:
            scores.append(torch.sigmoid(model(x_cat, x_num)))
            labels.append(y)
    return torch.cat(scores).numpy(), torch.cat(labels).numpy()


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed_everything(cfg["seed"])
    df = pd.read_parquet(cfg["data_path"])
    train_df, valid_df, test_df = split_frame(df, cfg["target"], cfg["seed"])

    prep = Preprocessor(cfg["categorical"], cfg["numeric"]).fit(train_df)
    loaders = {}
    for name, part in [("train", train_df), ("valid", valid_df), ("test", test_df)]:
        cat, num = prep.transform(part)
        loaders[name] = make_loader(cat, num, part[cfg["target"]].to_numpy(), cfg["batch_size"],
                                    shuffle=(name == "train"), seed=cfg["seed"])

    model = ChurnMLP(prep.cardinalities, len(cfg["numeric"]), cfg["hidden"], cfg["dropout"])
    pos_weight = torch.tensor((1 - train_df[cfg["target"]].mean()) / train_df[cfg["target"]].mean())
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])

    best_ap, bad_epochs = -1.0, 0
    Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(cfg["epochs"]):
        model.train()
        for x_cat, x_num, y in loaders["train"]:
            opt.zero_grad()
            loss = loss_fn(model(x_cat, x_num), y)
            loss.backward()
            opt.step()
        p_val, y_val = predict(model, loaders["valid"])
        ap = average_precision_score(y_val, p_val)
        print(f"epoch {epoch:02d} loss {loss.item():.4f} val PR-AUC {ap:.4f}")
        if ap > best_ap:
            best_ap, bad_epochs = ap, 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(cfg["checkpoint"]))
    p_test, y_test = predict(model, loaders["test"])

    cat_tr, num_tr = prep.transform(train_df)
    cat_te, num_te = prep.transform(test_df)
    logreg = LogisticRegression(max_iter=2000).fit(num_tr, train_df[cfg["target"]])
    p_lr = logreg.predict_proba(num_te)[:, 1]
    print(f"MLP    test ROC-AUC {roc_auc_score(y_test, p_test):.4f} PR-AUC {average_precision_score(y_test, p_test):.4f}")
    print(f"LogReg test ROC-AUC {roc_auc_score(test_df[cfg['target']], p_lr):.4f} "
          f"PR-AUC {average_precision_score(test_df[cfg['target']], p_lr):.4f}")


if __name__ == "__main__":
    main()
