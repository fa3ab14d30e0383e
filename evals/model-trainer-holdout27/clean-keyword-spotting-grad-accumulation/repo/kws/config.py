from dataclasses import dataclass

import yaml


@dataclass
class KWSConfig:
    seed: int
    root: str
    sample_rate: int
    n_mels: int
    batch_size: int
    accum_steps: int
    epochs: int
    lr: float
    weight_decay: float
    grad_clip: float
    patience: int
    ckpt: str

    @classmethod
    def load(cls, path: str) -> "KWSConfig":
        with open(path) as fh:
            return cls(**yaml.safe_load(fh))
