import argparse

import lightning as L
from lightning.pytorch.callbacks import EarlyStopping, LearningRateMonitor, ModelCheckpoint
from lightning.pytorch.loggers import CSVLogger

from plankton.data import PlanktonData
from plankton.module import PlanktonClassifier


def cli():
    ap = argparse.ArgumentParser(description="Imaging-flow-cytometer plankton classifier")
    ap.add_argument("--index-csv", default="data/ifcb_index.csv")
    ap.add_argument("--root", default="data/ifcb_png")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--seed", type=int, default=321)
    return ap.parse_args()


def main():
    args = cli()
    L.seed_everything(args.seed, workers=True)
    dm = PlanktonData(args.index_csv, args.root, seed=args.seed)
    dm.setup()
    model = PlanktonClassifier(n_classes=len(dm.classes), majority_class=int(dm.train_counts.argmax()), lr=args.lr)
    ckpt = ModelCheckpoint(monitor="val_macro_f1", mode="max", save_top_k=1, filename="best-{epoch}-{val_macro_f1:.4f}")
    trainer = L.Trainer(
        max_epochs=args.epochs,
        callbacks=[ckpt, EarlyStopping(monitor="val_macro_f1", mode="max", patience=8), LearningRateMonitor()],
        logger=CSVLogger("logs", name="plankton"),
        deterministic=True,
        precision="16-mixed",
    )
    trainer.fit(model, datamodule=dm)
    trainer.test(datamodule=dm, ckpt_path=ckpt.best_model_path)


if __name__ == "__main__":
    main()
