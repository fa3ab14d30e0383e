import os
from dataclasses import dataclass, field


@dataclass
class Settings:
    base_model: str = "roberta-large"
    output_dir: str = "runs/roberta-large-lora-banking77"
    hub_repo: str = "acme-ml/roberta-large-lora-banking77"
    val_fraction: float = 0.1
    seed: int = 97
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.1
    lr: float = 3e-4
    epochs: int = 15
    batch_size: int = 32
    patience: int = 3
    # credentials are read from the environment (see .env.example), never stored here
    hf_token: str | None = field(default_factory=lambda: os.environ.get("HF_TOKEN"))
    wandb_project: str = field(default_factory=lambda: os.environ.get("WANDB_PROJECT", "banking77-lora"))
