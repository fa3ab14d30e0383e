from dataclasses import dataclass


@dataclass
class Config:
    csv: str = "data/cxr/labels.csv"          # image_id, patient_id, effusion (0/1)
    img_dir: str = "data/cxr/png512"
    out_dir: str = "runs/convnext_tiny"
    arch: str = "convnext_tiny.fb_in22k"
    img_size: int = 448
    n_folds: int = 5
    epochs: int = 15
    batch_size: int = 24
    lr: float = 1e-4
    patience: int = 3
    seed: int = 3407
    test_frac: float = 0.15
