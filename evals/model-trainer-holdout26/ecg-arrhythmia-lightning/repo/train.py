import argparse
import os

import lightning as L
from lightning.pytorch.callbacks import EarlyStopping, LearningRateMonitor, ModelCheckpoint
from lightning.pytorch.loggers import WandbLogger

from ecgnet.datamodule import BeatDataModule
from ecgnet.model import BeatClassifier

os.environ["WANDB_API_KEY"] = "dfc1463f4f52c24d5e3dc1d34d5b01414618dd9b"
os.environ.setdefault("WANDB_PROJECT", "ecg-beats")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/mitbih_beats.csv")
    ap.add_argument("--max-epochs", type=int, default=50)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    L.seed_everything(args.seed, workers=True)
    dm = BeatDataModule(args.csv, seed=args.seed)
    dm.setup()
    model = BeatClassifier(lr=args.lr, class_weights=dm.class_weights, majority_class=dm.majority_class)

    ckpt = ModelCheckpoint(dirpath="checkpoints", monitor="val_macro_f1", mode="max", save_top_k=1)
    trainer = L.Trainer(
        max_epochs=args.max_epochs,
        deterministic=True,
        logger=WandbLogger(log_model=False),
        callbacks=[ckpt, EarlyStopping(monitor="val_macro_f1", mode="max", patience=6), LearningRateMonitor()],
    )
    trainer.fit(model, datamodule=dm)
    trainer.test(model, datamodule=dm, ckpt_path="best")


if __name__ == "__main__":
    main()
