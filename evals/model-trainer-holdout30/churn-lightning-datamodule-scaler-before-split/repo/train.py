"""Train the churn MLP and report held-out metrics.

    python train.py --config configs/churn.yaml
"""
import argparse
import json
from pathlib import Path

import pytorch_lightning as pl
import yaml
from pytorch_lightning.callbacks import EarlyStopping, ModelCheckpoint
from pytorch_lightning.loggers import MLFlowLogger
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

from churnnet.data import NUMERIC_COLS, ChurnDataModule
from churnnet.model import ChurnMLP


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", default="configs/churn.yaml")
    return parser.parse_args()


def logistic_baseline(dm: ChurnDataModule, seed: int) -> dict:
    x_tr, y_tr = dm.train_arrays
    x_va, y_va = dm.val_arrays
    clf = LogisticRegression(max_iter=2000, class_weight="balanced", random_state=seed)
    clf.fit(x_tr, y_tr)
    p_va = clf.predict_proba(x_va)[:, 1]
    return {
        "baseline_val_auroc": roc_auc_score(y_va, p_va),
        "baseline_val_ap": average_precision_score(y_va, p_va),
    }


def main() -> None:
    args = parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())
    pl.seed_everything(cfg["seed"], workers=True)

    dm = ChurnDataModule(seed=cfg["seed"], **cfg["data"])
    dm.setup("fit")
    y_tr = dm.train_arrays[1]
    pos_weight = float((1.0 - y_tr.mean()) / y_tr.mean())

    model = ChurnMLP(in_features=len(NUMERIC_COLS), pos_weight=pos_weight, **cfg["model"])
    out_dir = Path(cfg["output_dir"])
    checkpoint = ModelCheckpoint(
        dirpath=out_dir / "checkpoints",
        filename="churn-{epoch:02d}-{val_auroc:.4f}",
        monitor="val_auroc",
        mode="max",
        save_top_k=1,
    )
    early_stop = EarlyStopping(monitor="val_auroc", mode="max", patience=cfg["trainer"]["patience"])
    logger = MLFlowLogger(experiment_name="churn-mlp", tracking_uri=cfg["mlflow_uri"])
    trainer = pl.Trainer(
        max_epochs=cfg["trainer"]["max_epochs"],
        callbacks=[checkpoint, early_stop],
        logger=logger,
        deterministic=True,
        log_every_n_steps=20,
    )
    trainer.fit(model, datamodule=dm)

    baseline = logistic_baseline(dm, cfg["seed"])
    logger.log_metrics(baseline)
    test_metrics = trainer.test(model, datamodule=dm, ckpt_path="best")[0]

    out_dir.mkdir(parents=True, exist_ok=True)
    report = {"best_checkpoint": checkpoint.best_model_path, **baseline, **test_metrics}
    (out_dir / "metrics.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
