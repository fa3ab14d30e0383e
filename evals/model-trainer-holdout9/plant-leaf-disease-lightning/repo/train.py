import argparse

import lightning as L
import yaml
from lightning.pytorch.callbacks import EarlyStopping, LearningRateMonitor, ModelCheckpoint
from lightning.pytorch.loggers import CSVLogger

from leafnet.datamodule import LeafDataModule
from leafnet.module import LeafClassifier


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/leafnet.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    L.seed_everything(cfg["seed"], workers=True)

    dm = LeafDataModule(**cfg["data"])
    model = LeafClassifier(**cfg["model"])
    ckpt = ModelCheckpoint(monitor="val_f1", mode="max", save_top_k=1, filename="leaf-{epoch:02d}-{val_f1:.3f}")
    stopper = EarlyStopping(monitor="val_f1", mode="max", patience=cfg["trainer"]["patience"])
    trainer = L.Trainer(
        max_epochs=cfg["trainer"]["max_epochs"],
        precision=cfg["trainer"]["precision"],
        callbacks=[ckpt, stopper, LearningRateMonitor()],
        logger=CSVLogger("logs", name="leafnet"),
        deterministic=True,
    )
    trainer.fit(model, datamodule=dm)
    trainer.test(model, datamodule=dm, ckpt_path="best")
    print("best checkpoint:", ckpt.best_model_path)


if __name__ == "__main__":
    main()
