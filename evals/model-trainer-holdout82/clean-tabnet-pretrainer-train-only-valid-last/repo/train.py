"""Employee attrition: self-supervised TabNet pretraining + fine-tuning, XGBoost baseline."""
import json
import random
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from pytorch_tabnet.pretraining import TabNetPretrainer
from pytorch_tabnet.tab_model import TabNetClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from xgboost import XGBClassifier

from src.data import make_splits


def main(cfg_path: str = "config.json") -> None:
    cfg = json.loads(Path(cfg_path).read_text())
    seed = cfg["seed"]
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)

    s = make_splits(pd.read_csv(cfg["data_path"]), cfg)
    tabnet_kw = dict(n_d=16, n_a=16, n_steps=3, cat_idxs=s.cat_idxs, cat_dims=s.cat_dims, cat_emb_dim=3,
                     optimizer_fn=torch.optim.Adam, optimizer_params=dict(lr=2e-2), mask_type="sparsemax",
                     seed=seed, verbose=10)

    pretrainer = TabNetPretrainer(**tabnet_kw)
    pretrainer.fit(
        X_train=s.X_train,
        eval_set=[s.X_valid],
        max_epochs=cfg["pretrain"]["max_epochs"],
        patience=cfg["pretrain"]["patience"],
        pretraining_ratio=cfg["pretrain"]["pretraining_ratio"],
    )

    clf = TabNetClassifier(**tabnet_kw)
    ft = cfg["finetune"]
    clf.fit(
        s.X_train, s.y_train,
        eval_set=[(s.X_train, s.y_train), (s.X_valid, s.y_valid)],
        eval_name=["train", "valid"],
        eval_metric=["logloss", "auc"],
        max_epochs=ft["max_epochs"], patience=ft["patience"],
        batch_size=ft["batch_size"], virtual_batch_size=ft["virtual_batch_size"],
        weights=1,
        from_unsupervised=pretrainer,
    )
    clf.save_model(str(out / "tabnet_finetuned"))

    xgb = XGBClassifier(n_estimators=1000, learning_rate=0.03, max_depth=4, subsample=0.8,
                        colsample_bytree=0.8, eval_metric="logloss", early_stopping_rounds=50,
                        random_state=seed)
    xgb.fit(s.X_train, s.y_train, eval_set=[(s.X_valid, s.y_valid)], verbose=False)

    report = {}
    for name, proba in [("tabnet", clf.predict_proba(s.X_test)[:, 1]),
                        ("xgboost", xgb.predict_proba(s.X_test)[:, 1])]:
        report[name] = {
            "roc_auc": round(roc_auc_score(s.y_test, proba), 4),
            "pr_auc": round(average_precision_score(s.y_test, proba), 4),
            "log_loss": round(log_loss(s.y_test, proba), 4),
        }
    print(json.dumps(report, indent=2))
    (out / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
