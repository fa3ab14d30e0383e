from dataclasses import asdict, dataclass


@dataclass
class Config:
    train_csv: str = "data/mitbih_train.csv"
    test_csv: str = "data/mitbih_test.csv"
    seed: int = 3
    val_fraction: float = 0.15
    batch_size: int = 256
    epochs: int = 60
    lr: float = 1e-3
    weight_decay: float = 1e-4
    patience: int = 8
    dropout: float = 0.25
    checkpoint: str = "checkpoints/beatnet_best.pt"

    def to_dict(self):
        return asdict(self)
