from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    scada_csv: str = "data/turbine_scada_10min.csv"
    train_end: str = "2021-12-31 23:50"
    val_end: str = "2022-06-30 23:50"
    window: int = 36              # 6 hours of 10-minute records
    stride_train: int = 6
    batch_size: int = 512
    lr: float = 1e-3
    max_epochs: int = 80
    patience: int = 8
    seed: int = 2718
    ckpt: str = "artifacts/lstm_ae.pt"
