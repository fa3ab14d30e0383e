from dataclasses import dataclass, field


@dataclass
class Config:
    model_name: str = "distilbert-base-uncased"
    dataset_name: str = "ag_news"
    max_length: int = 128
    lr: float = 3e-5
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    epochs: int = 4
    train_bs: int = 32
    eval_bs: int = 128
    patience: int = 2
    seed: int = 2024
    output_dir: str = "runs/distilbert-agnews"
    label_names: list = field(default_factory=lambda: ["World", "Sports", "Business", "Sci/Tech"])
