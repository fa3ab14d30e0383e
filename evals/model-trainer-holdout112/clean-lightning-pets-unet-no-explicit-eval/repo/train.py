import argparse

import lightning as L
from lightning.pytorch.callbacks import EarlyStopping, LearningRateMonitor, ModelCheckpoint

from datamodule import PetDataModule
from lit_module import LitUnet


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--encoder", default="resnet34")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    L.seed_everything(args.seed, workers=True)
    dm = PetDataModule(seed=args.seed)
    model = LitUnet(encoder=args.encoder, lr=args.lr, max_epochs=args.epochs)

    ckpt = ModelCheckpoint(monitor="val/dice", mode="max", save_top_k=1, filename="unet-{epoch:02d}-{val/dice:.4f}",
                           auto_insert_metric_name=False)
    trainer = L.Trainer(max_epochs=args.epochs, precision="16-mixed", deterministic="warn",
                        callbacks=[ckpt, EarlyStopping(monitor="val/dice", mode="max", patience=8),
                                   LearningRateMonitor()])
    trainer.fit(model, datamodule=dm)
    trainer.test(model, datamodule=dm, ckpt_path="best")


if __name__ == "__main__":
    main()
