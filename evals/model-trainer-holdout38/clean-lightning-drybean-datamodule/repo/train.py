"""Train the Dry Bean MLP and compare it with a logistic-regression reference.

    python train.py --csv data/Dry_Bean_Dataset.csv
"""
import argparse

import lightning as L
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score

from src.beans.datamodule import CLASSES, DryBeanDataModule
from src.beans.module import BeanNet


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", required=True)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--max-epochs", type=int, default=150)
    args = ap.parse_args()

    L.seed_everything(args.seed, workers=True)
    dm = DryBeanDataModule(args.csv, seed=args.seed)
    dm.setup()

    x_tr, y_tr = dm.arrays["train"]
    x_te, y_te = dm.arrays["test"]
    ref = LogisticRegression(max_iter=2000).fit(x_tr, y_tr)
    ref_pred = ref.predict(x_te)
    print(f"logreg reference  acc {accuracy_score(y_te, ref_pred):.4f}  "
          f"bal_acc {balanced_accuracy_score(y_te, ref_pred):.4f}  "
          f"macro-F1 {f1_score(y_te, ref_pred, average='macro'):.4f}")

    model = BeanNet(dm.n_features, n_classes=len(CLASSES))
    checkpoint = ModelCheckpoint(monitor="val_f1", mode="max", save_top_k=1)
    trainer = L.Trainer(
        max_epochs=args.max_epochs,
        callbacks=[EarlyStopping(monitor="val_f1", mode="max", patience=12), checkpoint],
        deterministic=True,
        log_every_n_steps=10,
    )
    trainer.fit(model, datamodule=dm)
    print("best val macro-F1", checkpoint.best_model_score)
    trainer.test(datamodule=dm, ckpt_path="best")


if __name__ == "__main__":
    main()
