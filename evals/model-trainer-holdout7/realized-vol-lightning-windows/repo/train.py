import argparse

import lightning as L
import wandb
import yaml
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from lightning.pytorch.loggers import WandbLogger

from volforecast.data import RVDataModule
from volforecast.model import VolLSTM

WANDB_KEY = "ce46066cd68444d1779a422ac691d73f62b455b8"


def parse():
    p = argparse.ArgumentParser(description="LSTM forecaster for 5-day-ahead realized volatility")
    p.add_argument("--config", default="config.yaml")
    p.add_argument("--offline", action="store_true")
    return p.parse_args()


def main():
    args = parse()
    cfg = yaml.safe_load(open(args.config))
    L.seed_everything(cfg["seed"], workers=True)

    if not args.offline:
        wandb.login(key=WANDB_KEY)
    logger = WandbLogger(project=cfg["wandb_project"], offline=args.offline)

    dm = RVDataModule(**cfg["data"], seed=cfg["seed"])
    model = VolLSTM(n_features=4, **cfg["model"])
    callbacks = [
        EarlyStopping(monitor="val_mse", patience=cfg["trainer"]["patience"]),
        ModelCheckpoint(monitor="val_mse", save_top_k=1, filename="vol-{epoch:02d}-{val_mse:.4f}"),
    ]
    trainer = L.Trainer(max_epochs=cfg["trainer"]["max_epochs"], logger=logger, callbacks=callbacks,
                        gradient_clip_val=1.0, deterministic=True)
    trainer.fit(model, datamodule=dm)
    trainer.test(model, datamodule=dm, ckpt_path="best")


if __name__ == "__main__":
    main()
