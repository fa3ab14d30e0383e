"""Probabilistic 36 h wind power forecast for the portfolio's farms with DeepAR (pytorch-forecasting)."""
import argparse
import json

import lightning.pytorch as pl
import torch
import yaml
from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint
from pytorch_forecasting import Baseline, DeepAR
from pytorch_forecasting.metrics import MAE, RMSE, MultivariateNormalDistributionLoss

from windfc.dataset import build_datasets, load_farms, time_cutoffs


def point_metrics(pred, target):
    return {"MAE": MAE()(pred, target).item(), "RMSE": RMSE()(pred, target).item()}


def main(cfg):
    pl.seed_everything(cfg["seed"], workers=True)
    df = load_farms(cfg["data"]["path"])
    val_start, test_start = time_cutoffs(df, cfg["data"]["val_weeks"], cfg["data"]["test_weeks"])
    training, validation, testing = build_datasets(
        df, val_start, test_start, cfg["window"]["encoder"], cfg["window"]["prediction"]
    )
    t = cfg["trainer"]
    train_dl = training.to_dataloader(train=True, batch_size=t["batch_size"], num_workers=4,
                                      batch_sampler="synchronized")
    val_dl = validation.to_dataloader(train=False, batch_size=t["batch_size"], num_workers=4,
                                      batch_sampler="synchronized")
    test_dl = testing.to_dataloader(train=False, batch_size=t["batch_size"], num_workers=4)

    m = cfg["model"]
    model = DeepAR.from_dataset(
        training,
        hidden_size=m["hidden_size"],
        rnn_layers=m["rnn_layers"],
        dropout=m["dropout"],
        learning_rate=m["learning_rate"],
        loss=MultivariateNormalDistributionLoss(rank=8),
    )
    ckpt = ModelCheckpoint(monitor="val_loss", mode="min", save_top_k=1, dirpath="checkpoints/deepar")
    trainer = pl.Trainer(
        max_epochs=t["max_epochs"],
        accelerator="auto",
        gradient_clip_val=t["gradient_clip_val"],
        limit_train_batches=t["limit_train_batches"],
        callbacks=[EarlyStopping(monitor="val_loss", patience=t["patience"], mode="min"), ckpt],
    )
    trainer.fit(model, train_dataloaders=train_dl, val_dataloaders=val_dl)

    best = DeepAR.load_from_checkpoint(ckpt.best_model_path)
    deepar_out = best.predict(test_dl, return_y=True, n_samples=200, trainer_kwargs={"accelerator": "auto"})
    naive_out = Baseline().predict(test_dl, return_y=True)
    target = deepar_out.y[0]
    results = {
        "deepar": point_metrics(deepar_out.output, target),
        "baseline_last_value": point_metrics(naive_out.output, naive_out.y[0]),
        "val_start_idx": val_start,
        "test_start_idx": test_start,
    }
    print(json.dumps(results, indent=2))
    torch.save(results, "checkpoints/deepar/test_results.pt")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
