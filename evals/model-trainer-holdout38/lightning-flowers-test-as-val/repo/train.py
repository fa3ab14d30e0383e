"""Fine-tune ConvNeXt-T on the flower folders.

    python train.py --root /data/flowers102 --epochs 30
"""
import argparse

import lightning as L
from lightning.pytorch.callbacks import EarlyStopping, LearningRateMonitor, ModelCheckpoint
from lightning.pytorch.loggers import CSVLogger

from src.flowers.data import FlowerData
from src.flowers.model import FlowerClassifier


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--root", required=True)
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--seed", type=int, default=1234)
    return p.parse_args()


def main():
    args = parse_args()
    L.seed_everything(args.seed, workers=True)

    dm = FlowerData(args.root, batch_size=args.batch_size)
    dm.setup()
    model = FlowerClassifier(dm.num_classes, lr=args.lr)

    ckpt = ModelCheckpoint(monitor="val_f1", mode="max", save_top_k=1,
                           filename="convnext-{epoch:02d}-{val_f1:.3f}")
    stopper = EarlyStopping(monitor="val_loss", mode="min", patience=5)
    trainer = L.Trainer(
        max_epochs=args.epochs,
        precision="16-mixed",
        callbacks=[ckpt, stopper, LearningRateMonitor("epoch")],
        logger=CSVLogger("logs", name="flowers"),
        deterministic=True,
    )
    trainer.fit(model, train_dataloaders=dm.train_dataloader(),
                val_dataloaders=dm.test_dataloader())
    print("best checkpoint:", ckpt.best_model_path, ckpt.best_model_score)

    trainer.test(model, dataloaders=dm.test_dataloader(), ckpt_path="best")


if __name__ == "__main__":
    main()
