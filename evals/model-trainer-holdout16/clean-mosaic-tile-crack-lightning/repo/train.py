import argparse

import lightning as L
import yaml
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint

from mosaic.data import TileDataModule
from mosaic.module import CrackClassifier


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="conf/default.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    L.seed_everything(cfg["seed"], workers=True)

    dm = TileDataModule(cfg)
    dm.setup()
    prevalence = dm.train_df["cracked"].mean()
    print(f"train prevalence {prevalence:.3f}: always-'no crack' AP baseline = {prevalence:.3f}, AUROC = 0.5")
    model = CrackClassifier(lr=cfg["lr"], pos_weight=(1 - prevalence) / prevalence)

    ckpt = ModelCheckpoint(monitor="val_ap", mode="max", save_top_k=1, filename="tiles-{epoch:02d}-{val_ap:.3f}")
    trainer = L.Trainer(max_epochs=cfg["max_epochs"], deterministic=True, log_every_n_steps=20,
                        callbacks=[ckpt, EarlyStopping(monitor="val_ap", mode="max", patience=cfg["patience"])])
    trainer.fit(model, datamodule=dm)
    trainer.test(model, datamodule=dm, ckpt_path="best")


if __name__ == "__main__":
    main()
