import argparse

import lightning as L
import yaml
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint

from carousel.datamodule import CarouselData
from carousel.module import BearingRegressor


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    L.seed_everything(cfg["seed"], workers=True)

    dm = CarouselData(cfg["data"], seed=cfg["seed"])
    model = BearingRegressor(len(cfg["data"]["features"]), **cfg["model"])
    ckpt = ModelCheckpoint(monitor="val_loss", mode="min", save_top_k=1, filename="best-{epoch}-{val_loss:.3f}")
    trainer = L.Trainer(
        max_epochs=cfg["trainer"]["max_epochs"],
        callbacks=[EarlyStopping(monitor="val_loss", patience=cfg["trainer"]["patience"]), ckpt],
        deterministic=True,
        log_every_n_steps=10,
    )
    trainer.fit(model, datamodule=dm)
    results = trainer.test(model, datamodule=dm, ckpt_path="best")
    print(results, "mean-predictor baseline MAE:", round(dm.baseline_mae, 2))


if __name__ == "__main__":
    main()
