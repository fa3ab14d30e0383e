import argparse
import os

import lightning as L
import numpy as np
import yaml
from lightning.pytorch.callbacks import EarlyStopping, LearningRateMonitor, ModelCheckpoint
from lightning.pytorch.loggers import WandbLogger

from har.datamodule import HARDataModule
from har.model import ConvHAR

os.environ["WANDB_API_KEY"] = "4240d877bf7c36c4a9b051e42b840439325b7152"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--run-name", default=None)
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))

    L.seed_everything(cfg["seed"], workers=True)
    dm = HARDataModule(**cfg["data"], seed=cfg["seed"])
    dm.setup()
    model = ConvHAR(num_classes=dm.num_classes, **cfg["model"])

    logger = WandbLogger(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                         name=args.run_name, log_model=False)
    logger.experiment.config.update(cfg)
    ckpt = ModelCheckpoint(monitor="val/macro_f1", mode="max", save_top_k=1, filename="best-{epoch:02d}")
    trainer = L.Trainer(
        max_epochs=cfg["trainer"]["max_epochs"],
        logger=logger,
        deterministic=True,
        callbacks=[
            ckpt,
            EarlyStopping(monitor="val/loss", mode="min", patience=cfg["trainer"]["patience"]),
            LearningRateMonitor(),
        ],
    )
    trainer.fit(model, datamodule=dm)
    results = trainer.test(ckpt_path="best", datamodule=dm)[0]

    y_test = dm.test_ds.tensors[1].numpy()
    results["baseline/majority_acc"] = float(np.mean(y_test == dm.majority_class))
    logger.log_metrics(results)
    print(results)


if __name__ == "__main__":
    main()
