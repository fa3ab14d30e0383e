"""Fine-tune a ResNet-18 on leaf images.

    python train.py --data-dir data/plantvillage --epochs 25
"""
import argparse
import json
import sys
from pathlib import Path

import lightning as L
from lightning.pytorch.callbacks import EarlyStopping, LearningRateMonitor, ModelCheckpoint

sys.path.insert(0, str(Path(__file__).parent / "src"))
from leafnet.data import make_loaders  # noqa: E402
from leafnet.model import LeafClassifier  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", default="data/plantvillage")
    p.add_argument("--epochs", type=int, default=25)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--img-size", type=int, default=224)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--seed", type=int, default=17)
    p.add_argument("--out", default="runs/leafnet")
    return p.parse_args()


def main():
    args = parse_args()
    L.seed_everything(args.seed, workers=True)

    train_dl, test_dl, n_classes = make_loaders(args.data_dir, args.img_size, args.batch_size)
    model = LeafClassifier(num_classes=n_classes, lr=args.lr)

    ckpt = ModelCheckpoint(dirpath=args.out, monitor="val_f1", mode="max", save_top_k=1,
                           filename="best-{epoch:02d}-{val_f1:.4f}")
    stopper = EarlyStopping(monitor="val_f1", mode="max", patience=4)
    trainer = L.Trainer(max_epochs=args.epochs, accelerator="auto", deterministic=True,
                        callbacks=[ckpt, stopper, LearningRateMonitor()],
                        default_root_dir=args.out)
    trainer.fit(model, train_dataloaders=train_dl, val_dataloaders=test_dl)

    results = trainer.test(model, dataloaders=test_dl, ckpt_path="best")
    print(f"best checkpoint: {ckpt.best_model_path}")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    with open(Path(args.out) / "test_metrics.json", "w") as fh:
        json.dump(results[0], fh, indent=2)


if __name__ == "__main__":
    main()
