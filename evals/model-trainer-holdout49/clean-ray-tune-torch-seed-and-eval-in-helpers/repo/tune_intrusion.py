"""Ray Tune search for the network-intrusion MLP.

Trials are ranked on the validation split (ASHA + plateau stopping), the best
checkpoint is restored and compared with a logistic regression baseline.
"""
import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import yaml
from ray import train, tune
from ray.train import Checkpoint, RunConfig
from ray.tune.schedulers import ASHAScheduler
from ray.tune.stopper import TrialPlateauStopper
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from mlp.model import IntrusionMLP
from mlp.utils import evaluate, make_loader, set_seed, train_epoch

CFG = yaml.safe_load(Path("configs/tune.yaml").read_text())


def trainable(config, arrays):
    set_seed(CFG["seed"])
    X_tr, y_tr, X_va, y_va = arrays
    model = IntrusionMLP(X_tr.shape[1], config["hidden"], config["n_layers"], config["dropout"])
    optimizer = torch.optim.Adam(model.parameters(), lr=config["lr"], weight_decay=config["weight_decay"])
    loss_fn = torch.nn.BCEWithLogitsLoss()
    train_dl = make_loader(X_tr, y_tr, config["batch_size"], shuffle=True, seed=CFG["seed"])
    val_dl = make_loader(X_va, y_va, 2048, shuffle=False)

    for epoch in range(CFG["max_epochs"]):
        train_loss = train_epoch(model, train_dl, optimizer, loss_fn)
        val = evaluate(model, val_dl, loss_fn)
        with tempfile.TemporaryDirectory() as tmp:
            torch.save(model.state_dict(), os.path.join(tmp, "weights.pt"))
            train.report({"train_loss": train_loss, "val_loss": val["loss"],
                          "val_pr_auc": val["pr_auc"], "val_roc_auc": val["roc_auc"]},
                         checkpoint=Checkpoint.from_directory(tmp))


def main():
    set_seed(CFG["seed"])
    flows = pd.read_parquet(CFG["data_path"])
    feats = [c for c in flows.columns if c not in ("label", "flow_id", "capture_file")]
    X, y = flows[feats].to_numpy(np.float32), (flows["label"] != "benign").to_numpy(np.float32)

    X_dev, X_te, y_dev, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=CFG["seed"])
    X_tr, X_va, y_tr, y_va = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev,
                                              random_state=CFG["seed"])
    scaler = StandardScaler().fit(X_tr)
    X_tr, X_va, X_te = (scaler.transform(a) for a in (X_tr, X_va, X_te))

    space = {
        "hidden": tune.choice([64, 128, 256]),
        "n_layers": tune.randint(1, 4),
        "dropout": tune.uniform(0.0, 0.4),
        "lr": tune.loguniform(1e-4, 5e-3),
        "weight_decay": tune.loguniform(1e-6, 1e-3),
        "batch_size": tune.choice([256, 512]),
    }
    tuner = tune.Tuner(
        tune.with_parameters(trainable, arrays=(X_tr, y_tr, X_va, y_va)),
        param_space=space,
        tune_config=tune.TuneConfig(metric="val_pr_auc", mode="max", num_samples=CFG["num_samples"],
                                    scheduler=ASHAScheduler(max_t=CFG["max_epochs"], grace_period=5)),
        run_config=RunConfig(name="intrusion_mlp",
                             stop=TrialPlateauStopper(metric="val_loss", num_results=6, grace_period=10)),
    )
    best = tuner.fit().get_best_result(metric="val_pr_auc", mode="max", scope="all")
    model = IntrusionMLP(X_tr.shape[1], best.config["hidden"], best.config["n_layers"], best.config["dropout"])
    with best.checkpoint.as_directory() as ckpt:
        model.load_state_dict(torch.load(os.path.join(ckpt, "weights.pt")))

    test = evaluate(model, make_loader(X_te, y_te, 2048, shuffle=False), torch.nn.BCEWithLogitsLoss())
    logreg = LogisticRegression(max_iter=3000, random_state=CFG["seed"]).fit(X_tr, y_tr)
    p_lr = logreg.predict_proba(X_te)[:, 1]
    print("best config:", best.config)
    print(f"MLP    test roc_auc={test['roc_auc']:.4f} pr_auc={test['pr_auc']:.4f}")
    print(f"LogReg test roc_auc={roc_auc_score(y_te, p_lr):.4f} pr_auc={average_precision_score(y_te, p_lr):.4f}")
    out = Path(CFG["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), out / "intrusion_mlp.pt")


if __name__ == "__main__":
    main()
