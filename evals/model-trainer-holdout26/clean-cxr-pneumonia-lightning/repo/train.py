"""Train DenseNet-121 pneumonia classifier, pick the operating threshold on validation, test once."""
import argparse
import json
import os

import lightning as L
import numpy as np
import pandas as pd
import torch
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve

from cxr.data import CXRData
from cxr.module import PneumoniaNet
from cxr.splits import make_splits


def collect(trainer, model, loader):
    out = trainer.predict(model, dataloaders=loader)
    probs = torch.cat([p for p, _ in out]).numpy()
    ys = torch.cat([y for _, y in out]).numpy()
    return probs, ys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--meta", default="data/cxr_meta.csv")
    ap.add_argument("--images", default="data/images")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--seed", type=int, default=99)
    args = ap.parse_args()

    L.seed_everything(args.seed, workers=True)
    split_csv = "data/cxr_splits.csv"
    make_splits(pd.read_csv(args.meta), args.seed).to_csv(split_csv, index=False)

    dm = CXRData(split_csv, args.images)
    dm.setup()
    model = PneumoniaNet(lr=1e-4, pos_weight=dm.pos_weight)
    ckpt = ModelCheckpoint(dirpath="checkpoints", filename="cxr-{epoch:02d}-{val_auroc:.4f}",
                           monitor="val_auroc", mode="max", save_top_k=2)
    trainer = L.Trainer(
        max_epochs=args.epochs, precision="16-mixed", deterministic=True,
        callbacks=[ckpt, EarlyStopping(monitor="val_auroc", mode="max", patience=5)],
    )
    trainer.fit(model, datamodule=dm)

    best = PneumoniaNet.load_from_checkpoint(ckpt.best_model_path)
    val_p, val_y = collect(trainer, best, dm.val_dataloader())
    fpr, tpr, thr = roc_curve(val_y, val_p)
    threshold = float(thr[np.argmax(tpr - fpr)])  # Youden J on validation

    test_p, test_y = collect(trainer, best, dm.test_dataloader())
    pred = test_p >= threshold
    report = {
        "threshold_from_val": threshold,
        "test_auroc": roc_auc_score(test_y, test_p),
        "test_ap": average_precision_score(test_y, test_p),
        "test_sensitivity": float(pred[test_y == 1].mean()),
        "test_specificity": float((~pred[test_y == 0]).mean()),
    }
    print(json.dumps(report, indent=2))
    os.makedirs("reports", exist_ok=True)
    with open("reports/cxr_test.json", "w") as fh:
        json.dump(report, fh, indent=2)


if __name__ == "__main__":
    main()
