from dataclasses import dataclass


@dataclass
class RunConfig:
    dataset_id: str = "trailwatch-nl/trail-condition-reports"
    # pin the exact dataset commit so the split is reproducible
    dataset_revision: str = "4e7b1c09d2a85f36b0e9c7d41a2f68e05b3d9c17"
    model_name: str = "xlm-roberta-base"
    seed: int = 1312
    max_len: int = 192
    lr: float = 2.5e-5
    epochs: int = 10
    batch_size: int = 32
    patience: int = 2
    out_dir: str = "runs/trailtags"
