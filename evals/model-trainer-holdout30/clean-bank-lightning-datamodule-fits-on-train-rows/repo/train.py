"""Train the term-deposit propensity network.

    python train.py --config configs/propensity.yaml
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

from propensity.data import TermDepositDataModule
from propensity.model import PropensityNet


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/propensity.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())
    pl.seed_everything(cfg["seed"], workers=True)

    dm = TermDepositDataModule(seed=cfg["seed"], **cfg["data"])
    dm.setup()
    pos_rate = float(dm.y_train.mean())

    # reference model on exactly the same features / split
    logreg = LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced", random_state=cfg["seed"])
    logreg.fit(dm.x_train, dm.y_train)
    p_val = logreg.predict_proba(dm.x_val)[:, 1]
    baseline = {"logreg_val_auroc": roc_auc_score(dm.y_val, p_val),
                "logreg_val_ap": average_precision_score(dm.y_val, p_val)}

    net = PropensityNet(n_features=dm.n_features, pos_weight=(1 - pos_rate) / pos_rate, **cfg["model"])
    ckpt = ModelCheckpoint(dirpath=cfg["ckpt_dir"], monitor="val_auroc", mode="max", save_top_k=1,
                           filename="propensity-{epoch:02d}-{val_auroc:.4f}")
    trainer = pl.Trainer(
        max_epochs=cfg["max_epochs"],
        callbacks=[ckpt, EarlyStopping(monitor="val_auroc", mode="max", patience=cfg["patience"])],
        logger=MLFlowLogger(experiment_name="term-deposit", tracking_uri=cfg["mlflow_uri"]),
        deterministic=True,
    )
    trainer.fit(net, datamodule=dm)
    trainer.logger.log_metrics(baseline)

    test_metrics = trainer.test(datamodule=dm, ckpt_path="best")[0]
    summary = {"best_ckpt": ckpt.best_model_path, "best_val_auroc": float(ckpt.best_model_score), **baseline, **test_metrics}
    Path(cfg["ckpt_dir"], "summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
