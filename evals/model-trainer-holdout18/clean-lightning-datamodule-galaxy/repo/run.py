"""Galaxy10 morphology classifier.

    python run.py                # train + final test
    python run.py --max-epochs 5 # quick check
"""
import argparse
import dataclasses
import json
from pathlib import Path

import lightning as L
import numpy as np
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from lightning.pytorch.loggers import CSVLogger
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, f1_score

from src.galaxy.config import ExperimentConfig
from src.galaxy.datamodule import GalaxyDataModule
from src.galaxy.module import GalaxyCNN


def majority_baseline(dm):
    y_train, y_val = dm.train_frame["label"].to_numpy(), dm.val_frame["label"].to_numpy()
    clf = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(y_train), 1)), y_train)
    pred = clf.predict(np.zeros((len(y_val), 1)))
    return {"val_acc": accuracy_score(y_val, pred), "val_macro_f1": f1_score(y_val, pred, average="macro")}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-epochs", type=int)
    parser.add_argument("--seed", type=int)
    overrides = {k: v for k, v in vars(parser.parse_args()).items() if v is not None}
    cfg = dataclasses.replace(ExperimentConfig(), **overrides)

    L.seed_everything(cfg.seed, workers=True)
    dm = GalaxyDataModule(cfg)
    dm.setup()
    baseline = majority_baseline(dm)
    print("majority-class baseline:", baseline)

    model = GalaxyCNN(n_classes=len(dm.class_names), lr=cfg.lr, weight_decay=cfg.weight_decay)
    checkpoint = ModelCheckpoint(dirpath=Path(cfg.run_dir) / "ckpt", monitor="val_macro_f1", mode="max",
                                 save_top_k=2, save_last=True)
    early = EarlyStopping(monitor="val_macro_f1", mode="max", patience=cfg.patience)
    trainer = L.Trainer(max_epochs=cfg.max_epochs, deterministic=True, callbacks=[checkpoint, early],
                        logger=CSVLogger(cfg.run_dir), log_every_n_steps=20)
    trainer.fit(model, datamodule=dm)

    test_metrics = trainer.test(model, datamodule=dm, ckpt_path=checkpoint.best_model_path)[0]
    summary = {"config": dataclasses.asdict(cfg), "baseline": baseline,
               "best_val_macro_f1": float(checkpoint.best_model_score), "test": test_metrics}
    Path(cfg.run_dir, "summary.json").write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
