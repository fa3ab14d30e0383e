import argparse

import lightning as L
import yaml
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint

from cracks.datamodule import CrackData
from cracks.module import CrackClassifier


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/resnet18.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    L.seed_everything(cfg["seed"], workers=True)

    dm = CrackData(cfg)
    model = CrackClassifier(lr=cfg["lr"])
    ckpt = ModelCheckpoint(monitor="val_auroc", mode="max", save_top_k=1, filename="crack-{epoch:02d}-{val_auroc:.4f}")
    trainer = L.Trainer(
        max_epochs=cfg["max_epochs"],
        callbacks=[ckpt, EarlyStopping(monitor="val_auroc", mode="max", patience=6)],
        deterministic=True,
        precision="16-mixed",
    )
    trainer.fit(model, datamodule=dm)
    trainer.test(model, datamodule=dm, ckpt_path="best")


if __name__ == "__main__":
    main()
