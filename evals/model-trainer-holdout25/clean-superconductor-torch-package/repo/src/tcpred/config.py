from dataclasses import dataclass


@dataclass
class Config:
    csv: str = "data/superconduct_train.csv"
    seed: int = 123
    val_frac: float = 0.15
    test_frac: float = 0.15
    hidden: int = 256
    depth: int = 3
    dropout: float = 0.1
    lr: float = 1e-3
    batch_size: int = 256
    max_epochs: int = 300
    patience: int = 20
    ckpt_path: str = "checkpoints/tc_mlp.pt"
