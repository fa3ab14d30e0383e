"""python train.py configs/fault_mlp.yaml"""
from __future__ import annotations

import sys

import lightning as L
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from omegaconf import OmegaConf
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

from faultnet.datamodule import PumpFaultDataModule
from faultnet.module import FaultClassifier
from faultnet.tracking import make_logger


def main(cfg_path: str) -> None:
    cfg = OmegaConf.load(cfg_path)
    L.seed_everything(cfg.seed, workers=True)

    dm = PumpFaultDataModule(**cfg.data, seed=cfg.seed)
    dm.setup()
    model = FaultClassifier(dm.n_features, **cfg.model, pos_weight=dm.pos_weight)
    logger = make_logger(cfg, run_name=f"mlp-h{cfg.model.hidden}")

    ckpt = ModelCheckpoint(dirpath=cfg.trainer.ckpt_dir, monitor="val_ap", mode="max", save_top_k=1)
    trainer = L.Trainer(
        max_epochs=cfg.trainer.max_epochs,
        logger=logger,
        callbacks=[EarlyStopping(monitor="val_ap", mode="max", patience=cfg.trainer.patience), ckpt],
        deterministic=True,
    )
    trainer.fit(model, datamodule=dm)
    test_metrics = trainer.test(ckpt_path="best", datamodule=dm)[0]

    X_tr, y_tr = dm.arrays["train"]
    X_te, y_te = dm.arrays["test"]
    base = LogisticRegression(max_iter=3000, class_weight="balanced", random_state=cfg.seed)
    base.fit(dm.scaler.transform(X_tr), y_tr)
    p = base.predict_proba(dm.scaler.transform(X_te))[:, 1]
    baseline = {"baseline_test_auroc": roc_auc_score(y_te, p), "baseline_test_ap": average_precision_score(y_te, p)}
    logger.log_metrics(baseline)
    print(test_metrics, baseline)


if __name__ == "__main__":
    main(sys.argv[1])
