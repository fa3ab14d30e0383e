CONFIG = {
    "csv": "data/ed_arrivals_hourly.csv",
    "train_end": "2021-12-31 23:00",
    "val_end": "2022-12-31 23:00",
    "lookback": 336,       # two weeks of hourly counts
    "horizon": 24,
    "hidden": 96,
    "layers": 2,
    "dropout": 0.2,
    "lr": 1e-3,
    "batch_size": 128,
    "max_epochs": 80,
    "patience": 8,
    "seed": 99,
    "ckpt": "artifacts/ed_lstm.pt",
}
