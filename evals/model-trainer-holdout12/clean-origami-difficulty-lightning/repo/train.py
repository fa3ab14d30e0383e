import argparse

import lightning as L
import yaml
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint

from origami.datamodule import FEATURES, CreasePatternData
from origami.module import DifficultyRegressor


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/default.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    L.seed_everything(cfg["seed"], workers=True)

    dm = CreasePatternData(cfg["csv"], cfg["split"], cfg["batch_size"], cfg["seed"])
    dm.setup()
    model = DifficultyRegressor(len(FEATURES), cfg["hidden"], cfg["dropout"], cfg["lr"],
                                cfg["weight_decay"], baseline_value=dm.y_train_mean)

    ckpt = ModelCheckpoint(monitor="val_loss", mode="min", save_top_k=1, filename="best-{epoch}-{val_loss:.3f}")
    trainer = L.Trainer(
        max_epochs=cfg["max_epochs"],
        callbacks=[EarlyStopping(monitor="val_loss", mode="min", patience=cfg["patience"]), ckpt],
        deterministic=True,
        log_every_n_steps=10,
    )
    trainer.fit(model, datamodule=dm)
    # one evaluation on the untouched test split, using the checkpoint chosen on validation loss
    trainer.test(model, datamodule=dm, ckpt_path="best")


if __name__ == "__main__":
    main()
