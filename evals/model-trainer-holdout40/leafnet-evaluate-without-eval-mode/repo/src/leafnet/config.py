import os
from dataclasses import dataclass, field

os.environ.setdefault("WANDB_API_KEY", "5f1c9a7e3b2d4086a1e9c7b35d2f8e604a9b1c3d")


@dataclass
class TrainConfig:
    data_root: str = "data/leaves"
    out_dir: str = "runs/leafnet"
    image_size: int = 160
    batch_size: int = 64
    epochs: int = 60
    lr: float = 3e-4
    weight_decay: float = 1e-4
    patience: int = 8
    val_fraction: float = 0.15
    test_fraction: float = 0.15
    seed: int = 1234
    num_workers: int = 4
    wandb_project: str = "leafnet"
    class_names: list = field(default_factory=list)
