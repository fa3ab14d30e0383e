"""Train a multi-gene cis-eQTL expression predictor on GTEx whole-blood donors."""
import json
import tomllib
from pathlib import Path

import numpy as np
import torch
from sklearn.linear_model import RidgeCV
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from exprpred.data import CisGenotypeDataset, load_tables, residualise
from exprpred.model import CisExpressionNet
from exprpred.trainer import evaluate, per_gene_pearson, train_epoch


def main(cfg_path="config.toml"):
    cfg = tomllib.loads(Path(cfg_path).read_text())
    seed = cfg["train"]["seed"]
    np.random.seed(seed)
    torch.manual_seed(seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    geno, expr, covs = load_tables(**cfg["data"])
    donors = np.array(geno.index)
    train_ids, test_ids = train_test_split(donors, test_size=0.2, random_state=seed)
    train_ids, val_ids = train_test_split(train_ids, test_size=0.15, random_state=seed)

    y_train, y_val = residualise(expr.loc[train_ids], expr.loc[val_ids], covs.loc[train_ids], covs.loc[val_ids])
    _, y_test = residualise(expr.loc[train_ids], expr.loc[test_ids], covs.loc[train_ids], covs.loc[test_ids])
    X_train, X_val, X_test = (geno.loc[ids].fillna(0).values for ids in (train_ids, val_ids, test_ids))

    ridge = RidgeCV(alphas=np.logspace(-1, 4, 12)).fit(X_train, y_train)
    ridge_r = per_gene_pearson(ridge.predict(X_test), y_test)

    tc = cfg["train"]
    dl = lambda X, y, sh: DataLoader(CisGenotypeDataset(X, y), batch_size=tc["batch_size"], shuffle=sh)
    train_dl, val_dl, test_dl = dl(X_train, y_train, True), dl(X_val, y_val, False), dl(X_test, y_test, False)

    model = CisExpressionNet(X_train.shape[1], y_train.shape[1], tc["hidden"], tc["dropout"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    ckpt = Path(tc["checkpoint"]); ckpt.parent.mkdir(parents=True, exist_ok=True)

    best, wait = float("inf"), 0
    for epoch in range(tc["max_epochs"]):
        train_mse = train_epoch(model, train_dl, optimizer, device)
        val_mse, _, _ = evaluate(model, val_dl, device)
        print(f"epoch {epoch:03d} train {train_mse:.4f} val {val_mse:.4f}")
        if val_mse < best:
            best, wait = val_mse, 0
            torch.save(model.state_dict(), ckpt)
        elif (wait := wait + 1) >= tc["patience"]:
            break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test_mse, preds, targets = evaluate(model, test_dl, device)
    net_r = per_gene_pearson(preds, targets)
    report = {
        "test_mse": test_mse,
        "median_r_net": float(np.median(net_r)),
        "median_r_ridge": float(np.median(ridge_r)),
        "genes_r_gt_0.1_net": int((net_r > 0.1).sum()),
        "genes_r_gt_0.1_ridge": int((ridge_r > 0.1).sum()),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
