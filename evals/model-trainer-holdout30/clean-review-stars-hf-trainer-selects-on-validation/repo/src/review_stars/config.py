"""Fine-tuning configuration, parsed from the command line with HfArgumentParser."""

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class ExperimentArgs:
    reviews_csv: str = field(default="data/reviews/reviews_clean.csv")
    model_name: str = field(default="microsoft/deberta-v3-small")
    max_length: int = field(default=256)
    val_size: float = field(default=0.1)
    test_size: float = field(default=0.1)
    patience: int = field(default=2)
    hub_model_id: Optional[str] = field(default=None, metadata={"help": "push the best model here if set"})
