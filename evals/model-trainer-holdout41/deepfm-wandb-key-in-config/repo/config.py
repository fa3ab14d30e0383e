"""Experiment settings for the DeepFM feed-ads CTR model."""
from dataclasses import dataclass, field


@dataclass
class TrainConfig:
    train_path: str = "data/feed_ads_train.parquet"
    eval_days: int = 2
    sparse_cols: list = field(default_factory=lambda: [
        "user_bucket", "ad_id", "advertiser_id", "creative_type", "placement", "os", "geo_region", "hour",
    ])
    dense_cols: list = field(default_factory=lambda: ["user_ctr_7d", "ad_ctr_7d", "log_bid", "ad_age_days"])
    embed_dim: int = 16
    mlp_dims: tuple = (256, 128, 64)
    dropout: float = 0.2
    lr: float = 5e-4
    batch_size: int = 4096
    epochs: int = 10
    patience: int = 2
    seed: int = 1234
    checkpoint: str = "checkpoints/deepfm.pt"
    wandb_project: str = "feed-ads-ctr"
    wandb_entity: str = "ads-ranking"
    wandb_api_key: str = "10081726ac41412ef6f21eb5049c2777da4f4438"
