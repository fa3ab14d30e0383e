"""python fit.py --config config.yaml"""
import argparse

import lightning as L
import numpy as np
import torch
import yaml
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score

from falls.datamodule import FallWindows
from falls.module import FallNet


def peak_acc_baseline(ds) -> np.ndarray:
    """Classic threshold detector score: peak acceleration magnitude (channels 0-2, standardised)."""
    x = ds.tensors[0][:, :3, :]
    return torch.linalg.vector_norm(x, dim=1).amax(dim=1).numpy()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    L.seed_everything(cfg["seed"], workers=True)

    dm = FallWindows(cfg["windows_npz"], cfg["batch_size"], cfg["test_subject_frac"], cfg["val_subject_frac"], cfg["seed"])
    dm.setup()
    model = FallNet(lr=cfg["lr"], pos_weight=cfg["pos_weight"])

    ckpt = ModelCheckpoint(dirpath=cfg["ckpt_dir"], monitor="val_ap", mode="max", save_top_k=1)
    trainer = L.Trainer(
        max_epochs=cfg["max_epochs"],
        callbacks=[EarlyStopping(monitor="val_ap", mode="max", patience=cfg["patience"]), ckpt],
        deterministic=True,
        log_every_n_steps=20,
    )
    trainer.fit(model, datamodule=dm)

    # pick the alarm threshold on validation subjects with the best checkpoint
    best = FallNet.load_from_checkpoint(ckpt.best_model_path)
    best.eval()
    with torch.no_grad():
        val_p = torch.sigmoid(best(dm.val_ds.tensors[0])).numpy()
    y_val = dm.val_ds.tensors[1].numpy()
    prec, rec, thr = precision_recall_curve(y_val, val_p)
    f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
    threshold = float(thr[np.argmax(f1)])
    best.hparams.threshold = threshold
    best.test_f1.threshold = threshold

    # held-out subjects, evaluated once
    trainer.test(best, datamodule=dm)
    y_test = dm.test_ds.tensors[1].numpy()
    base = peak_acc_baseline(dm.test_ds)
    base_val = peak_acc_baseline(dm.val_ds)
    bp, br, bt = precision_recall_curve(y_val, base_val)
    bf1 = 2 * bp[:-1] * br[:-1] / np.clip(bp[:-1] + br[:-1], 1e-9, None)
    base_thr = bt[np.argmax(bf1)]
    print(f"peak-acc baseline: AUROC {roc_auc_score(y_test, base):.3f}  AP {average_precision_score(y_test, base):.3f}"
          f"  F1 {f1_score(y_test, base >= base_thr):.3f}")


if __name__ == "__main__":
    main()
