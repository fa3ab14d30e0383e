"""Runtime settings; secrets come from the environment (see .env.example)."""
import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    prices_csv: str = os.getenv("PRICES_CSV", "data/sp500_daily.csv")
    ticker: str = os.getenv("TICKER", "MSFT")
    lookback: int = 30
    test_fraction: float = 0.2
    val_fraction: float = 0.15
    seed: int = 1234
    epochs: int = 100
    batch_size: int = 64
    wandb_project: str = "equity-lstm"
    wandb_api_key: str | None = field(default_factory=lambda: os.environ.get("WANDB_API_KEY"))
    model_dir: str = "models"


SETTINGS = Settings()
