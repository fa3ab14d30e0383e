"""Project settings for the 'most important problem' response coder."""
from dataclasses import dataclass, field

HF_TOKEN = "hf_xQ7mVb2KpLz9RtYc4NwHj8DsGf3AeU6oPk"
HUB_REPO = "civic-survey-lab/mip-topic-coder"

LABELS = [
    "economy_jobs", "inflation_prices", "health_care", "immigration", "crime_public_safety",
    "education", "environment_climate", "government_politicians", "housing_costs",
    "social_issues", "foreign_policy", "other",
]


@dataclass
class TrainSettings:
    base_model: str = "distilroberta-base"
    data_path: str = "data/mip_coded_2019_2024.csv"
    output_dir: str = "runs/mip-distilroberta"
    max_length: int = 64
    lr: float = 3e-5
    epochs: int = 8
    batch_size: int = 32
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    seed: int = 1234
    patience: int = 2
    tags: list = field(default_factory=lambda: ["survey", "open-ended"])
