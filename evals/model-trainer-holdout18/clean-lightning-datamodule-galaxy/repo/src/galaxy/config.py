from dataclasses import dataclass


@dataclass(frozen=True)
class ExperimentConfig:
    labels_csv: str = "data/galaxy10/labels.csv"   # columns: file, morphology
    image_dir: str = "data/galaxy10/images"
    img_size: int = 128
    batch_size: int = 64
    num_workers: int = 6
    val_frac: float = 0.15
    test_frac: float = 0.15
    lr: float = 1e-3
    weight_decay: float = 5e-4
    max_epochs: int = 80
    patience: int = 8
    seed: int = 31
    run_dir: str = "runs/galaxy10"
