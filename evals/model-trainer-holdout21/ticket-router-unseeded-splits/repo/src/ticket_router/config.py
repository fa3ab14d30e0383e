from dataclasses import dataclass


@dataclass
class TrainConfig:
    data_path: str = "data/tickets.jsonl"
    text_col: str = "body"
    label_col: str = "queue"
    min_label_count: int = 30
    test_fraction: float = 0.2
    cv_folds: int = 5
    seed: int = 8
    model_dir: str = "models"
