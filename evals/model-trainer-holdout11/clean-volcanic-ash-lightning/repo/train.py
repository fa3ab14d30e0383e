import argparse

import lightning as L
import yaml
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint

from ashnet.baseline import split_window_rule
from ashnet.datamodule import CHANNELS, CLASSES, AshPixels
from ashnet.module import AshClassifier


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    L.seed_everything(cfg["seed"], workers=True)

    dm = AshPixels(cfg["pixels"], cfg["batch_size"], cfg["val_frac"], cfg["test_frac"], cfg["seed"])
    dm.setup()
    model = AshClassifier(len(CHANNELS), len(CLASSES), cfg["hidden"], cfg["lr"], dm.class_weights)
    ckpt = ModelCheckpoint(monitor="val_loss", mode="min", save_top_k=1, filename="ash-{epoch:02d}-{val_loss:.4f}")
    trainer = L.Trainer(max_epochs=cfg["max_epochs"], deterministic=True, log_every_n_steps=20,
                        callbacks=[EarlyStopping(monitor="val_loss", patience=cfg["patience"]), ckpt])
    trainer.fit(model, datamodule=dm)
    trainer.test(model, datamodule=dm, ckpt_path="best")
    print("split-window rule macro-F1 on test:", round(split_window_rule(dm.raw_test, CLASSES), 4))


if __name__ == "__main__":
    main()
