"""Temporal Fusion Transformer for hourly refrigeration load across the store estate."""
import lightning.pytorch as pl
import torch
import yaml
from lightning.pytorch.callbacks import EarlyStopping, LearningRateMonitor, ModelCheckpoint
from pytorch_forecasting import TemporalFusionTransformer, TimeSeriesDataSet
from pytorch_forecasting.data import GroupNormalizer
from pytorch_forecasting.metrics import MAE, RMSE, SMAPE, QuantileLoss

from tft.data import cutoffs, load_stores

with open("config.yaml") as fh:
    cfg = yaml.safe_load(fh)
pl.seed_everything(cfg["seed"], workers=True)

df = load_stores(cfg["data"]["path"])
val_start, test_start = cutoffs(df, cfg["data"]["val_days"], cfg["data"]["test_days"])
enc, pred_len = cfg["window"]["encoder_length"], cfg["window"]["prediction_length"]

training = TimeSeriesDataSet(
    df[df["time_idx"] < val_start],
    time_idx="time_idx",
    target="refrig_kw",
    group_ids=["store_id"],
    max_encoder_length=enc,
    max_prediction_length=pred_len,
    static_categoricals=["store_id"],
    time_varying_known_categoricals=["hour", "dow", "store_open"],
    time_varying_known_reals=["time_idx", "t_out"],
    time_varying_unknown_reals=["refrig_kw", "log_kw"],
    target_normalizer=GroupNormalizer(groups=["store_id"], transformation="softplus"),
    add_relative_time_idx=True,
    add_target_scales=True,
    add_encoder_length=True,
)
validation = TimeSeriesDataSet.from_dataset(
    training, df[df["time_idx"] < test_start], min_prediction_idx=val_start, stop_randomization=True
)
testing = TimeSeriesDataSet.from_dataset(training, df, min_prediction_idx=test_start, stop_randomization=True)

bs = cfg["trainer"]["batch_size"]
train_dl = training.to_dataloader(train=True, batch_size=bs, num_workers=4)
val_dl = validation.to_dataloader(train=False, batch_size=bs * 4, num_workers=4)
test_dl = testing.to_dataloader(train=False, batch_size=bs * 4, num_workers=4)

m = cfg["model"]
tft = TemporalFusionTransformer.from_dataset(
    training,
    learning_rate=m["learning_rate"],
    hidden_size=m["hidden_size"],
    attention_head_size=m["attention_head_size"],
    dropout=m["dropout"],
    hidden_continuous_size=m["hidden_continuous_size"],
    loss=QuantileLoss(),
    reduce_on_plateau_patience=3,
)
checkpoint = ModelCheckpoint(monitor="val_loss", mode="min", save_top_k=1, dirpath="checkpoints", filename="tft-{epoch}")
trainer = pl.Trainer(
    max_epochs=cfg["trainer"]["max_epochs"],
    accelerator="auto",
    gradient_clip_val=cfg["trainer"]["gradient_clip_val"],
    callbacks=[
        EarlyStopping(monitor="val_loss", patience=cfg["trainer"]["patience"], mode="min"),
        checkpoint,
        LearningRateMonitor(),
    ],
)
trainer.fit(tft, train_dataloaders=train_dl, val_dataloaders=val_dl)

best = TemporalFusionTransformer.load_from_checkpoint(checkpoint.best_model_path)
out = best.predict(test_dl, return_y=True, trainer_kwargs={"accelerator": "auto"})
y_true = out.y[0]
for metric in (MAE(), RMSE(), SMAPE()):
    print(f"TFT test {metric.__class__.__name__}: {metric(out.output, y_true).item():.4f}")
torch.save({"val_start": val_start, "test_start": test_start}, "checkpoints/cutoffs.pt")
