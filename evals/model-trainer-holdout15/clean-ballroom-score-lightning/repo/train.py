import argparse

import lightning as L
import yaml
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint

from ballroom.datamodule import FEATURES, RoutineDataModule
from ballroom.module import ScoreRegressor


def main(cfg):
    L.seed_everything(cfg["seed"], workers=True)
    dm = RoutineDataModule(**cfg["data"], seed=cfg["seed"])
    dm.setup()
    model = ScoreRegressor(len(FEATURES), **cfg["model"], baseline=dm.train_target_mean)
    ckpt = ModelCheckpoint(dirpath=cfg["trainer"]["ckpt_dir"], monitor="val_loss", mode="min", save_top_k=1)
    trainer = L.Trainer(
        max_epochs=cfg["trainer"]["max_epochs"],
        callbacks=[EarlyStopping(monitor="val_loss", patience=cfg["trainer"]["patience"]), ckpt],
        deterministic=True,
        log_every_n_steps=10,
    )
    trainer.fit(model, datamodule=dm)
    trainer.test(datamodule=dm, ckpt_path="best")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    with open(ap.parse_args().config) as f:
        main(yaml.safe_load(f))
