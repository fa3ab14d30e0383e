import argparse
import json
from pathlib import Path

import lightning as L
import numpy as np
import torch
import yaml
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve

from caries.data import BitewingData
from caries.model import CariesNet


def collect(trainer, model, loader, ckpt):
    out = trainer.predict(model, dataloaders=loader, ckpt_path=ckpt)
    p = torch.cat([o[0] for o in out]).float().numpy()
    y = torch.cat([o[1] for o in out]).numpy()
    return p, y


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="conf/caries.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    L.seed_everything(cfg["seed"], workers=True)

    dm = BitewingData(cfg)
    dm.setup()
    prev = dm.train_df["has_caries"].mean()
    model = CariesNet(cfg["backbone"], cfg["lr"], pos_weight=(1 - prev) / prev)

    ckpt_cb = ModelCheckpoint(dirpath=cfg["out_dir"], monitor="val_auroc", mode="max", save_top_k=1)
    trainer = L.Trainer(
        max_epochs=cfg["max_epochs"],
        callbacks=[ckpt_cb, EarlyStopping(monitor="val_auroc", mode="max", patience=cfg["patience"])],
        precision="16-mixed",
        deterministic=True,
    )
    trainer.fit(model, datamodule=dm)

    # operating point (Youden J) chosen on the validation fold with the best checkpoint
    p_val, y_val = collect(trainer, model, dm.val_dataloader(), ckpt_cb.best_model_path)
    fpr, tpr, thr = roc_curve(y_val, p_val)
    op = float(thr[np.argmax(tpr - fpr)])

    # the held-out test fold is touched exactly once, here
    p_te, y_te = collect(trainer, model, dm.test_dataloader(), ckpt_cb.best_model_path)
    hard = p_te >= op
    report = {
        "threshold_from_val": op,
        "test_auroc": roc_auc_score(y_te, p_te),
        "test_ap": average_precision_score(y_te, p_te),
        "test_sensitivity": float(hard[y_te == 1].mean()),
        "test_specificity": float((~hard[y_te == 0]).mean()),
        "prevalence_baseline_ap": float(y_te.mean()),
    }
    Path(cfg["out_dir"], "test_report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
