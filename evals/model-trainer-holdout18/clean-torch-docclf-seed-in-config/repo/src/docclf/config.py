import argparse
from dataclasses import dataclass, fields


@dataclass
class Config:
    index_csv: str = "data/docs_index.csv"     # path,label
    image_root: str = "data/docs"
    image_size: int = 320
    holdout_frac: float = 0.2                  # half val, half test
    batch_size: int = 48
    lr: float = 5e-4
    epochs: int = 30
    patience: int = 5
    seed: int = 20240611
    deterministic: bool = True
    ckpt_dir: str = "checkpoints/docclf"

    @classmethod
    def from_cli(cls):
        parser = argparse.ArgumentParser(description="document type classifier")
        for f in fields(cls):
            kind = (lambda s: s.lower() in {"1", "true", "yes"}) if f.type in (bool, "bool") else type(f.default)
            parser.add_argument(f"--{f.name}", type=kind, default=f.default)
        return cls(**vars(parser.parse_args()))
